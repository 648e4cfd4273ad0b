package dev.orderflow.order.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.orderflow.eventing.security.Caller;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderNotFoundException;
import dev.orderflow.order.OrderService;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.idempotency.IdempotentOrderPlacement;
import dev.orderflow.order.idempotency.IdempotentOrderPlacement.Placement;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orders}: each endpoint turns one request into one use case call.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

	private final OrderService orderService;

	private final IdempotentOrderPlacement idempotentPlacement;

	private final OrderLimits limits;

	OrderController(OrderService orderService, IdempotentOrderPlacement idempotentPlacement, OrderLimits limits) {
		this.orderService = orderService;
		this.idempotentPlacement = idempotentPlacement;
		this.limits = limits;
	}

	/** 202: the order is accepted, and the saga decides later whether it is confirmed. */
	@PostMapping
	ResponseEntity<OrderAccepted> place(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody PlaceOrderRequest request, @AuthenticationPrincipal Jwt token) {
		requireAtMostMaxLines(request);
		Caller caller = Caller.of(token);
		if (!request.customerId().equals(caller.id())) {
			throw new NotYourCustomerIdException(request.customerId(), caller.id());
		}
		if (key == null) {
			Order order = this.orderService.place(request.customerId(), request.customerEmail(), request.orderLines());
			return accepted(order, HttpStatus.ACCEPTED);
		}
		Placement placement = this.idempotentPlacement.place(idempotencyKey(key), request.customerId(),
				request.customerEmail(), request.orderLines());
		return accepted(placement.order(), placement.replayed() ? HttpStatus.OK : HttpStatus.ACCEPTED);
	}

	@GetMapping("/{orderId}")
	OrderView get(@PathVariable UUID orderId, @AuthenticationPrincipal Jwt token) {
		return OrderView.of(visible(orderId, Caller.of(token)));
	}

	/**
	 * Newest first; {@code status} and {@code limit} are parsed here to name the allowed
	 * values.
	 */
	@GetMapping
	List<OrderView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String limit,
			@AuthenticationPrincipal Jwt token) {
		Caller caller = Caller.of(token);
		List<Order> orders = caller.operator() ? this.orderService.findNewest(status(status), limit(limit))
				: this.orderService.findNewestOf(caller.id(), status(status), limit(limit));
		return orders.stream().map(OrderView::of).toList();
	}

	/** 202: cancelling needs inventory to release the stock first. */
	@PostMapping("/{orderId}/cancel")
	ResponseEntity<OrderView> cancel(@PathVariable UUID orderId, @AuthenticationPrincipal Jwt token) {
		visible(orderId, Caller.of(token));
		Order order = this.orderService.requestCancel(orderId);
		return ResponseEntity.accepted().location(location(order)).body(OrderView.of(order));
	}

	/**
	 * Another customer's order is answered as one that does not exist: 404, its id
	 * reveals nothing.
	 */
	private Order visible(UUID orderId, Caller caller) {
		Order order = this.orderService.find(orderId);
		if (!caller.maySee(order.customerId())) {
			throw new OrderNotFoundException(orderId);
		}
		return order;
	}

	/**
	 * The cap is a setting, so it cannot be a constraint annotation on the request like
	 * the others.
	 */
	private void requireAtMostMaxLines(PlaceOrderRequest request) {
		int max = this.limits.maxLines();
		if (request.lines().size() > max) {
			throw new LimitExceededException("lines", "maxItems", max,
					"has " + request.lines().size() + " lines, but an order has at most " + max + " lines");
		}
	}

	private static ResponseEntity<OrderAccepted> accepted(Order order, HttpStatus status) {
		return ResponseEntity.status(status)
			.location(location(order))
			.body(new OrderAccepted(order.id(), order.status()));
	}

	private static URI location(Order order) {
		return URI.create("/api/orders/" + order.id());
	}

	private static String idempotencyKey(String key) {
		if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
			throw new InvalidParameterException("Idempotency-Key",
					"must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters and not blank");
		}
		return key;
	}

	private static Optional<OrderStatus> status(String status) {
		if (status == null || status.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameterException("status",
					"must be one of " + Arrays.toString(OrderStatus.values()) + " but was '" + status + "'");
		}
	}

	private static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		String allowed = "must be a whole number from 1 to " + MAX_LIMIT + " but was '" + limit + "'";
		try {
			int value = Integer.parseInt(limit.trim());
			if (value < 1 || value > MAX_LIMIT) {
				throw new InvalidParameterException("limit", allowed);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException("limit", allowed);
		}
	}

}
