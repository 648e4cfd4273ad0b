package dev.orderflow.inventory.reservation;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.eventing.inbox.TransactionalBatch;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderPlaced;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inventory's side of the saga: translates each order event into one call of
 * {@link ReservationService}. Each event is applied by an idempotent consumer: the
 * processed-event row, the stock change and the answer in the outbox commit together or
 * not at all.
 * <p>
 * A batch listener: the records of one poll share one database transaction
 * ({@link TransactionalBatch}, each record in a savepoint of its own), one commit instead
 * of one per record (docs/performance.md). That transaction first locks the stock of
 * every SKU the poll will touch, in sorted order ({@link PollStockLocks}), so that
 * consumers in several instances never wait on each other in a cycle (ADR 0008).
 */
@Component
public class OrderEventsListener {

	static final String CONSUMER = "inventory-service";

	static final String LISTENER_ID = "inventory-order-events";

	private static final Logger log = LoggerFactory.getLogger(OrderEventsListener.class);

	private final ProcessedEvents processedEvents;

	private final ReservationService reservations;

	private final TransactionalBatch batch;

	private final PollStockLocks stockLocks;

	private final TransactionTemplate pollTransaction;

	OrderEventsListener(ProcessedEvents processedEvents, ReservationService reservations, TransactionalBatch batch,
			PollStockLocks stockLocks, PlatformTransactionManager transactions) {
		this.processedEvents = processedEvents;
		this.reservations = reservations;
		this.batch = batch;
		this.stockLocks = stockLocks;
		this.pollTransaction = new TransactionTemplate(transactions);
	}

	/**
	 * Opens the poll's transaction, locks the stock the poll will touch, and only then
	 * lets {@link TransactionalBatch} apply the records; it joins this transaction.
	 */
	@KafkaListener(id = LISTENER_ID, topics = "orders", groupId = CONSUMER, batch = "true")
	void onPoll(List<ConsumerRecord<String, Object>> records) {
		BatchListenerFailedException failed = this.pollTransaction.execute((status) -> {
			this.stockLocks.lockStockTouchedBy(records);
			try {
				this.batch.apply(LISTENER_ID, records, this::on);
				return null;
			}
			catch (BatchListenerFailedException ex) {
				// the failed record is already rolled back to its savepoint; the records
				// before it
				// must commit, so the failure leaves the transaction only after its
				// commit
				return ex;
			}
		});
		if (failed != null) {
			throw failed;
		}
	}

	/**
	 * OrderConfirmed, OrderRejected and future order events are not inventory's business.
	 */
	void on(Object event) {
		if (event instanceof OrderPlaced placed) {
			on(placed);
		}
		else if (event instanceof OrderCancelled cancelled) {
			on(cancelled);
		}
	}

	private void on(OrderPlaced event) {
		if (!processedEvents.firstDelivery(CONSUMER, event.getEventId())) {
			log.debug("Skipping redelivered OrderPlaced {} of order {}", event.getEventId(), event.getOrderId());
			return;
		}
		List<ReservationLine> lines = event.getLines()
			.stream()
			.map((line) -> new ReservationLine(line.getSku(), line.getQuantity()))
			.toList();
		reservations.reserve(event.getOrderId(), lines);
	}

	private void on(OrderCancelled event) {
		if (!processedEvents.firstDelivery(CONSUMER, event.getEventId())) {
			log.debug("Skipping redelivered OrderCancelled {} of order {}", event.getEventId(), event.getOrderId());
			return;
		}
		reservations.cancel(event.getOrderId());
	}

}
