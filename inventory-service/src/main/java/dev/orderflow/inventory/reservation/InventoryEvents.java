package dev.orderflow.inventory.reservation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.orderflow.eventing.outbox.Outbox;
import dev.orderflow.events.OrderLine;
import dev.orderflow.events.StockRejected;
import dev.orderflow.events.StockRejectionCode;
import dev.orderflow.events.StockReleased;
import dev.orderflow.events.StockReserved;

import org.springframework.stereotype.Component;

/**
 * Announces inventory's answers on the {@code inventory} topic (key = orderId) through
 * the transactional outbox, so an answer is published if and only if its stock change
 * commits.
 */
@Component
public class InventoryEvents {

	/** The topic inventory-service owns. */
	public static final String TOPIC = "inventory";

	private final Outbox outbox;

	private final Clock clock;

	InventoryEvents(Outbox outbox, Clock clock) {
		this.outbox = outbox;
		this.clock = clock;
	}

	/** StockReserved or StockRejected, whichever the reservation attempt came to. */
	void answered(Reservation reservation) {
		reservation.rejection()
			.ifPresentOrElse((rejection) -> rejected(reservation.orderId(), rejection),
					() -> reserved(reservation.orderId(), reservation.lines()));
	}

	void released(String orderId, List<ReservationLine> lines) {
		outbox.append(TOPIC, orderId,
				StockReleased.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOrderId(orderId)
					.setOccurredAt(clock.instant())
					.setLines(orderLines(lines))
					.build());
	}

	private void reserved(String orderId, List<ReservationLine> lines) {
		outbox.append(TOPIC, orderId,
				StockReserved.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOrderId(orderId)
					.setOccurredAt(clock.instant())
					.setLines(orderLines(lines))
					.build());
	}

	private void rejected(String orderId, Rejection rejection) {
		outbox.append(TOPIC, orderId,
				StockRejected.newBuilder()
					.setEventId(UUID.randomUUID())
					.setOrderId(orderId)
					.setOccurredAt(clock.instant())
					.setCode(switch (rejection.code()) {
						case UNKNOWN_SKU -> StockRejectionCode.UNKNOWN_SKU;
						case INSUFFICIENT_STOCK -> StockRejectionCode.INSUFFICIENT_STOCK;
						case OTHER -> StockRejectionCode.OTHER;
					})
					.setReason(rejection.reason())
					.setSku(rejection.sku())
					.setShortfall(rejection.shortfall())
					.build());
	}

	private static List<OrderLine> orderLines(List<ReservationLine> lines) {
		return lines.stream().map((line) -> new OrderLine(line.sku(), line.quantity())).toList();
	}

}
