package dev.orderflow.notification.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orderflow.notification.NotificationRecorded;
import dev.orderflow.notification.saga.OrderEventSeen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes notifications and saga events to every subscribed browser as server-sent events:
 * {@code notification} once a notification is committed, {@code order-event} for every event
 * read from the saga topics.
 *
 * <p>
 * Sends happen on the thread that produced the update (a Kafka listener); the servlet container
 * buffers them, and a subscriber whose connection is gone is dropped on its first failed send.
 */
@Component
public class LiveUpdates {

	static final String NOTIFICATION = "notification";

	static final String ORDER_EVENT = "order-event";

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();

	private final LiveUpdatesProperties properties;

	LiveUpdates(LiveUpdatesProperties properties) {
		this.properties = properties;
	}

	SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(this.properties.timeout().toMillis());
		emitter.onCompletion(() -> this.subscribers.remove(emitter));
		emitter.onTimeout(emitter::complete);
		emitter.onError((ex) -> this.subscribers.remove(emitter));
		this.subscribers.add(emitter);
		// Sent at once so the client sees the stream open (and learns how soon to reconnect).
		send(emitter, SseEmitter.event().reconnectTime(3_000).comment("connected"));
		return emitter;
	}

	int subscribers() {
		return this.subscribers.size();
	}

	@TransactionalEventListener
	void on(NotificationRecorded recorded) {
		broadcast(NOTIFICATION, recorded.notification());
	}

	@EventListener
	void on(OrderEventSeen seen) {
		broadcast(ORDER_EVENT, seen);
	}

	// Open streams would hold a graceful shutdown for its whole timeout: end them first.
	// Browsers reconnect (to another instance, or to this one once it is back).
	@EventListener(ContextClosedEvent.class)
	void completeAll() {
		for (SseEmitter emitter : this.subscribers) {
			emitter.complete();
		}
		this.subscribers.clear();
	}

	@Scheduled(fixedRateString = "${orderflow.notification.stream.heartbeat:15s}")
	void heartbeat() {
		for (SseEmitter emitter : this.subscribers) {
			send(emitter, SseEmitter.event().comment("heartbeat"));
		}
	}

	private void broadcast(String name, Object data) {
		for (SseEmitter emitter : this.subscribers) {
			// A builder accumulates its text as it is built: one per subscriber.
			send(emitter, SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away (or the emitter completed); the container completes it.
			log.debug("Dropping a live-update subscriber: {}", ex.getMessage());
			this.subscribers.remove(emitter);
		}
	}

}
