package dev.orderflow.eventing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orderflow.events.OrderPlaced;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal application that uses the eventing module the way the services do. */
@SpringBootApplication
class EventingTestApplication {

	/** Listens to the test topic and fails on demand, to exercise retries and dead letters. */
	@Component
	static class RecordingListener {

		final List<OrderPlaced> received = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = EventingIntegrationTest.TOPIC, groupId = "eventing-test")
		void on(OrderPlaced event) {
			if (event.getCustomerId().equals("always-fails")) {
				throw new IllegalStateException("cannot process order " + event.getOrderId());
			}
			this.received.add(event);
		}

	}

	/**
	 * Listens to the replay test topic and fails while {@link #broken}, like a consumer with a bug
	 * that is then fixed: what it dead-lettered meanwhile can be replayed.
	 */
	@Component
	static class FixableListener {

		final List<OrderPlaced> received = new CopyOnWriteArrayList<>();

		volatile boolean broken;

		@KafkaListener(topics = AbstractEventingIntegrationTest.REPLAY_TOPIC, groupId = "eventing-replay-test")
		void on(OrderPlaced event) {
			if (this.broken) {
				throw new IllegalStateException("listener is broken, cannot process order " + event.getOrderId());
			}
			this.received.add(event);
		}

	}

}
