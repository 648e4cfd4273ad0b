package dev.orderflow.order.web;

import java.util.List;

import dev.orderflow.order.Order;
import dev.orderflow.order.OrderLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/orders}. The sizes match the database columns and bound the
 * events the order becomes; the number of lines is capped by {@link OrderLimits}.
 */
record PlaceOrderRequest(@NotBlank @Size(max = Order.MAX_CUSTOMER_ID_LENGTH, message = TOO_LONG) String customerId,
		@NotBlank @Email @Size(max = Order.MAX_CUSTOMER_EMAIL_LENGTH, message = TOO_LONG) String customerEmail,
		@NotEmpty @UniqueSkus List<@NotNull @Valid Line> lines) {

	static final String TOO_LONG = "must be at most {max} characters";

	List<OrderLine> orderLines() {
		return this.lines.stream().map((line) -> new OrderLine(line.sku(), line.quantity())).toList();
	}

	record Line(@NotBlank @Size(max = OrderLine.MAX_SKU_LENGTH, message = TOO_LONG) String sku,
			@NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity) {
	}

}
