package dev.orderflow.order;

import dev.orderflow.eventing.retention.SettledRecords;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orders that settled: confirmed with no cancel pending, rejected or cancelled. With
 * {@code orderflow.retention.settled-orders} set, an order is deleted that long after its
 * last change, with its lines, its history and the idempotency keys that point at it (ADR
 * 0021); from then on it is 404 to everyone. A pending order, or a confirmed one whose
 * cancel inventory has not answered yet, is never deleted: it can still change.
 */
@Configuration(proxyBeanMethods = false)
class SettledOrders {

	static final SettledRecords ORDERS = SettledRecords.table("orders", "orders", "id", "updated_at")
		.where("status IN ('REJECTED', 'CANCELLED') OR (status = 'CONFIRMED' AND cancel_requested = FALSE)")
		.withDependents("order_id", "idempotency_key", "order_history", "order_line");

	@Bean
	SettledRecords settledOrderRows() {
		return ORDERS;
	}

}
