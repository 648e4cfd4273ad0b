package dev.orderflow.order;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import dev.orderflow.eventing.outbox.Outbox;
import dev.orderflow.order.observability.OrderMetrics;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order use cases: what customers ask through the API and how the order reacts to
 * inventory's answers. Each state change and the event announcing it are written in one
 * transaction through the {@link Outbox}, so that neither exists without the other.
 */
@Service
public class OrderService {

	private static final Logger logger = LoggerFactory.getLogger(OrderService.class);

	private final Orders orders;

	private final Outbox outbox;

	private final OrderMetrics metrics;

	OrderService(Orders orders, Outbox outbox, OrderMetrics metrics) {
		this.orders = orders;
		this.outbox = outbox;
		this.metrics = metrics;
	}

	/** Places a PENDING order and announces it with OrderPlaced. */
	@Transactional
	public Order place(String customerId, String customerEmail, List<OrderLine> lines) {
		Order order = Order.place(customerId, customerEmail, lines);
		this.orders.save(order);
		publish(order, OrderEvents.placed(order));
		this.metrics.placed(order);
		logger.info("Placed order {} with {} line(s)", order.id(), order.lines().size());
		return order;
	}

	@Transactional(readOnly = true)
	public Order find(UUID orderId) {
		return this.orders.findById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
	}

	@Transactional(readOnly = true)
	public List<Order> findNewest(Optional<OrderStatus> status, int limit) {
		return this.orders.findNewest(status, limit);
	}

	/** One customer's newest orders first, optionally only those in one status. */
	@Transactional(readOnly = true)
	public List<Order> findNewestOf(String customerId, Optional<OrderStatus> status, int limit) {
		return this.orders.findNewestOf(customerId, status, limit);
	}

	/**
	 * Asks inventory to release the order's stock with OrderCancelled; the order becomes
	 * CANCELLED when the release is confirmed. Asking twice publishes nothing new.
	 * @throws OrderNotFoundException if there is no such order
	 * @throws IllegalOrderTransitionException if it is already REJECTED or CANCELLED
	 */
	@Transactional
	public Order requestCancel(UUID orderId) {
		Order order = find(orderId);
		if (order.requestCancel()) {
			this.orders.save(order);
			publish(order, OrderEvents.cancelRequested(order));
			logger.info("Cancel requested for order {} ({})", orderId, order.status());
		}
		return order;
	}

	/** Inventory reserved the stock: confirm, unless a cancel is pending. */
	@Transactional
	public void stockReserved(UUID orderId, UUID eventId) {
		settle(orderId, eventId, "StockReserved", (order) -> order.confirm() ? OrderEvents.confirmed(order) : null);
	}

	/** Inventory could not reserve the stock: reject, unless a cancel is pending. */
	@Transactional
	public void stockRejected(UUID orderId, UUID eventId, String reason) {
		settle(orderId, eventId, "StockRejected", (order) -> order.reject(reason) ? OrderEvents.rejected(order) : null);
	}

	/** Inventory released the stock of a cancelled order. */
	@Transactional
	public void stockReleased(UUID orderId, UUID eventId) {
		settle(orderId, eventId, "StockReleased", (order) -> {
			order.cancelled();
			return null;
		});
	}

	/**
	 * The outbox relay set aside one of the order's events: it can never be published.
	 * Runs in the relay's transaction, so the order closes exactly when its event is set
	 * aside.
	 */
	@Transactional
	public void eventSetAside(UUID orderId, String eventType, String reason) {
		Optional<Order> found = this.orders.findById(orderId);
		if (found.isEmpty()) {
			logger.warn("Event {} of unknown order {} was set aside: {}", eventType, orderId, reason);
			return;
		}
		Order order = found.get();
		OrderStatus before = order.status();
		order.eventSetAside(eventType, reason);
		this.orders.save(order);
		this.metrics.settled(order, before);
		logger.error("Order {} is {}: its {} can never be published ({})", orderId, order.status(), eventType, reason);
	}

	/*
	 * An inventory answer that does not fit the order is logged and dropped rather than
	 * thrown: retrying it cannot make it fit, and throwing here would also roll back the
	 * caller's record that the event was processed.
	 */
	private void settle(UUID orderId, UUID eventId, String answer, Function<Order, SpecificRecord> transition) {
		Optional<Order> found = this.orders.findById(orderId);
		if (found.isEmpty()) {
			logger.warn("Ignoring {} {} for unknown order {}", answer, eventId, orderId);
			return;
		}
		Order order = found.get();
		try {
			OrderStatus before = order.status();
			SpecificRecord event = transition.apply(order);
			this.orders.save(order);
			if (event != null) {
				publish(order, event);
			}
			this.metrics.settled(order, before);
			logger.info("Order {} is {} after {} {}", orderId, order.status(), answer, eventId);
		}
		catch (IllegalOrderTransitionException ex) {
			logger.warn("Ignoring {} {} for order {}: {}", answer, eventId, orderId, ex.getMessage());
		}
	}

	private void publish(Order order, SpecificRecord event) {
		this.outbox.append(OrderEvents.TOPIC, order.id().toString(), event);
	}

}
