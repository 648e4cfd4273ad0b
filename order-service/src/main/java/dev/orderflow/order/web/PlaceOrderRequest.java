package dev.orderflow.order.web;

import java.util.List;

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
 * Body of {@code POST /api/orders}. The sizes match the database columns.
 */
record PlaceOrderRequest(@NotBlank @Size(max = 200) String customerId,
		@NotBlank @Email @Size(max = 320) String customerEmail,
		@NotEmpty @UniqueSkus List<@NotNull @Valid Line> lines) {

	List<OrderLine> orderLines() {
		return this.lines.stream().map((line) -> new OrderLine(line.sku(), line.quantity())).toList();
	}

	record Line(@NotBlank @Size(max = 100) String sku,
			@NotNull @Min(1) @Max(OrderLine.MAX_QUANTITY) Integer quantity) {
	}

}
