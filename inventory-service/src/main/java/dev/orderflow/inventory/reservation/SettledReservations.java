package dev.orderflow.inventory.reservation;

import dev.orderflow.eventing.retention.SettledRecords;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reservations of settled orders, with their lines (ADR 0021). inventory-service does
 * not know when order-service settles an order, so a reservation goes only after the
 * settled-order retention <em>and</em> the inbox's retention have passed since its last
 * change, whatever its status: by then order-service has deleted the order, so no cancel
 * can come for it, and no redelivery of an event that changed it can arrive. Stock is
 * never deleted: what a confirmed order reserved stays reserved.
 */
@Configuration(proxyBeanMethods = false)
class SettledReservations {

	static final SettledRecords RESERVATIONS = SettledRecords
		.table("reservations", "reservation", "order_id", "updated_at")
		.withDependents("order_id", "reservation_line")
		.outlivingRedeliveries();

	@Bean
	SettledRecords settledReservationRows() {
		return RESERVATIONS;
	}

}
