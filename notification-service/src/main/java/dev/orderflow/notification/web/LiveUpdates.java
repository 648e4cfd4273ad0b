package dev.orderflow.notification.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import dev.orderflow.notification.NotificationRecorded;
import dev.orderflow.notification.saga.OrderEventSeen;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import dev.orderflow.eventing.security.Caller;
import dev.orderflow.notification.owner.OrderOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes notifications and saga events to every subscribed browser as server-sent events:
 * {@code notification} once a notification is committed, {@code order-event} for every
 * event read from the saga topics.
 *
 * <p>
 * Updates come from the Kafka listener threads, and a browser that stops reading must
 * never hold them up. So a listener only builds the event once and offers it to each
 * client's bounded queue ({@link LiveClient}), which never blocks; each client has a
 * sender thread of its own that writes to its stream. A client whose queue is full is
 * disconnected and counted ({@code orderflow.live.clients.dropped}); its
 * {@code EventSource} reconnects and the console reloads what it missed. At most
 * {@code max-clients} streams are open at once, which also bounds the sender threads; one
 * more is refused with 503.
 */
@Component
public class LiveUpdates {

	static final String NOTIFICATION = "notification";

	static final String ORDER_EVENT = "order-event";

	// What a refused browser is told to wait; the console retries on its own after about
	// as long.
	static final Duration RETRY_AFTER = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	private final List<LiveClient> clients = new CopyOnWriteArrayList<>();

	private final Map<LiveClient, Caller> viewers = new ConcurrentHashMap<>();

	private final OrderOwners owners;

	private final LiveUpdatesProperties properties;

	// One permit per open stream, held until its sender thread has finished.
	private final Semaphore streams;

	private final AtomicInteger senders = new AtomicInteger();

	private final Counter dropped;

	private final Counter refused;

	LiveUpdates(LiveUpdatesProperties properties, MeterRegistry registry, OrderOwners owners) {
		this.properties = properties;
		this.owners = owners;
		this.streams = new Semaphore(properties.maxClients());
		Gauge.builder("orderflow.live.clients", this, LiveUpdates::openStreams)
			.description("Live-update streams open (server-sent events), at most max-clients")
			.register(registry);
		this.dropped = Counter.builder("orderflow.live.clients.dropped")
			.description("Live-update clients disconnected because they fell a whole buffer behind")
			.register(registry);
		this.refused = Counter.builder("orderflow.live.clients.refused")
			.description("Live-update streams refused because max-clients were open")
			.register(registry);
	}

	/**
	 * A stream for this caller: an operator sees every order, a customer only their own.
	 */
	SseEmitter subscribe(Caller viewer) {
		if (!this.streams.tryAcquire()) {
			this.refused.increment();
			throw new TooManyLiveStreamsException(this.properties.maxClients(), RETRY_AFTER);
		}
		SseEmitter emitter = new SseEmitter(this.properties.timeout().toMillis());
		LiveClient client = new LiveClient(emitter, this.properties.buffer(), this::ended);
		emitter.onCompletion(client::gone);
		emitter.onError((ex) -> client.gone());
		// Completed here, on the container's thread, so that Spring MVC does not answer
		// the
		// timeout itself; this waits only if a send to this client is stuck at that
		// moment.
		emitter.onTimeout(emitter::complete);
		// Sent first so the client sees the stream open (and learns how soon to
		// reconnect).
		client.offer(frame(SseEmitter.event().reconnectTime(3_000).comment("connected")));
		this.viewers.put(client, viewer);
		this.clients.add(client);
		start(client);
		return emitter;
	}

	int openStreams() {
		return this.properties.maxClients() - this.streams.availablePermits();
	}

	@TransactionalEventListener
	void on(NotificationRecorded recorded) {
		broadcast(
				frame(SseEmitter.event().name(NOTIFICATION).data(recorded.notification(), MediaType.APPLICATION_JSON)),
				recorded.notification().orderId());
	}

	@EventListener
	void on(OrderEventSeen seen) {
		broadcast(frame(SseEmitter.event().name(ORDER_EVENT).data(seen, MediaType.APPLICATION_JSON)), seen.orderId());
	}

	// Open streams would hold a graceful shutdown for its whole timeout: end them first.
	// Browsers reconnect (to another instance, or to this one once it is back).
	@EventListener(ContextClosedEvent.class)
	void completeAll() {
		for (LiveClient client : this.clients) {
			client.disconnect();
		}
		this.clients.clear();
	}

	@Scheduled(fixedRateString = "${orderflow.notification.stream.heartbeat:15s}")
	void heartbeat() {
		broadcast(frame(SseEmitter.event().comment("heartbeat")), null);
	}

	// Built once and shared: each sender serializes the same frame to its own stream.
	private static Set<DataWithMediaType> frame(SseEmitter.SseEventBuilder event) {
		return Collections.unmodifiableSet(event.build());
	}

	// An update about an order goes to operators and to its customer; the owner is looked
	// up once,
	// and only when a customer is listening. An order whose OrderPlaced was not read yet
	// has no owner:
	// only operators see its update.
	private void broadcast(Set<DataWithMediaType> frame, String orderId) {
		Supplier<Optional<String>> owner = new Supplier<>() {

			private Optional<String> found;

			@Override
			public Optional<String> get() {
				if (this.found == null) {
					this.found = LiveUpdates.this.owners.ownerOf(orderId);
				}
				return this.found;
			}

		};
		for (LiveClient client : this.clients) {
			Caller viewer = this.viewers.get(client);
			if (orderId != null && viewer != null && !viewer.operator()
					&& !owner.get().map(viewer.id()::equals).orElse(false)) {
				continue;
			}
			if (!client.offer(frame)) {
				drop(client);
			}
		}
	}

	private void drop(LiveClient client) {
		// false when the client ended by itself meanwhile: nothing to count
		if (client.disconnect()) {
			this.clients.remove(client);
			this.dropped.increment();
			log.warn("Disconnected a live-update client that fell {} updates behind; its browser reconnects by itself",
					this.properties.buffer());
		}
	}

	private void start(LiveClient client) {
		try {
			Thread sender = new Thread(client, "live-updates-" + this.senders.incrementAndGet());
			// a sender stuck on a client that stopped reading must not keep the JVM alive
			sender.setDaemon(true);
			sender.start();
		}
		catch (RuntimeException | Error ex) {
			ended(client);
			throw ex;
		}
	}

	private void ended(LiveClient client) {
		this.clients.remove(client);
		this.viewers.remove(client);
		this.streams.release();
	}

}
