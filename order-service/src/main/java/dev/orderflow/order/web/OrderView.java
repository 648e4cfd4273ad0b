package dev.orderflow.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;

/**
 * An order as {@code GET /api/orders/{id}} shows it; {@code reason} appears only for a
 * rejected order, and each history step has either a {@code status} or an {@code event}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(UUID orderId, String customerId, String customerEmail, OrderStatus status, boolean cancelRequested,
		List<Line> lines, String reason, Instant createdAt, Instant updatedAt, List<Step> history) {

	static OrderView of(Order order) {
		return new OrderView(order.id(), order.customerId(), order.customerEmail(), order.status(),
				order.isCancelRequested(), order.lines().stream().map((l) -> new Line(l.sku(), l.quantity())).toList(),
				order.reason(), order.createdAt(), order.updatedAt(),
				order.history().stream().map((h) -> new Step(h.status(), h.event(), h.at(), h.source())).toList());
	}

	record Line(String sku, int quantity) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Step(OrderStatus status, String event, Instant at, String source) {
	}

}
