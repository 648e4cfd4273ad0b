package dev.orderflow.eventing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.inbox.TransactionalBatch;
import dev.orderflow.events.OrderPlaced;
import org.apache.kafka.clients.consumer.ConsumerRecord;

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

	/**
	 * A batch listener the way order-service and inventory-service use one: a poll in one
	 * transaction through {@link TransactionalBatch}. Its effect is the inbox row, so a test can
	 * see what committed; it fails on demand after writing it, so the row must roll back.
	 */
	@Component
	static class BatchListener {

		static final String CONSUMER = "eventing-batch-test";

		final List<OrderPlaced> applied = new CopyOnWriteArrayList<>();

		private final TransactionalBatch batch;

		private final ProcessedEvents processedEvents;

		BatchListener(TransactionalBatch batch, ProcessedEvents processedEvents) {
			this.batch = batch;
			this.processedEvents = processedEvents;
		}

		@KafkaListener(id = CONSUMER, topics = TransactionalBatchIntegrationTest.TOPIC, groupId = CONSUMER, batch = "true")
		void onPoll(List<ConsumerRecord<String, Object>> records) {
			this.batch.apply(CONSUMER, records, (event) -> {
				OrderPlaced placed = (OrderPlaced) event;
				if (this.processedEvents.firstDelivery(CONSUMER, placed.getEventId())) {
					if (placed.getCustomerId().equals("always-fails")) {
						throw new IllegalStateException("cannot process order " + placed.getOrderId());
					}
					this.applied.add(placed);
				}
			});
		}

	}

}
