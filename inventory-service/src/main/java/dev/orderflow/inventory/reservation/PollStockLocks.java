package dev.orderflow.inventory.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderPlaced;
import dev.orderflow.inventory.stock.Stocks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks, before a poll is applied, the stock row of every SKU that any of its records
 * will touch, in one sorted order (ADR 0008).
 * <p>
 * Why: a poll is applied in one transaction
 * ({@link dev.orderflow.eventing.inbox.TransactionalBatch}), so it keeps the rows each
 * record locked until the poll commits. {@link Stocks#lock} sorts the SKUs of one order
 * only; across a poll the rows would be taken in record order, and two consumers (two
 * instances, or two threads of one) whose polls hold orders over the same SKUs in
 * opposite orders would each hold a row the other waits for. Taken here first, in one
 * sorted order, the records' own locks find their rows already held by the poll's
 * transaction.
 */
@Component
class PollStockLocks {

	private final Stocks stocks;

	private final Reservations reservations;

	PollStockLocks(Stocks stocks, Reservations reservations) {
		this.stocks = stocks;
		this.reservations = reservations;
	}

	/**
	 * Locks, until the poll's transaction ends, the stock of the SKUs of each OrderPlaced
	 * and of the reservation each OrderCancelled gives back. Other events, and records
	 * that could not be deserialized (no value; they fail on their own when applied),
	 * touch no stock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockStockTouchedBy(List<? extends ConsumerRecord<?, ?>> records) {
		Set<String> skus = new TreeSet<>();
		List<String> cancelledOrders = new ArrayList<>();
		for (ConsumerRecord<?, ?> record : records) {
			if (record.value() instanceof OrderPlaced placed) {
				placed.getLines().forEach((line) -> skus.add(line.getSku()));
			}
			else if (record.value() instanceof OrderCancelled cancelled) {
				cancelledOrders.add(cancelled.getOrderId());
			}
		}
		// an order placed earlier in this poll is covered by its OrderPlaced above
		skus.addAll(this.reservations.skusHeldBy(cancelledOrders));
		this.stocks.lock(skus);
	}

}
