package dev.orderflow.order.observability;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The saga in numbers: {@code orderflow.orders.placed|confirmed|rejected|cancelled}
 * counters and {@code orderflow.saga.duration}, the time from placement to the first
 * terminal state, as a histogram with SLO buckets.
 * {@link dev.orderflow.order.OrderService} reports each state change; the meters move
 * only when its transaction commits, so a rolled-back change is never counted.
 */
@Component
public class OrderMetrics {

	/** Buckets an SLO on the saga duration can be read from directly. */
	static final Duration[] SAGA_SLOS = { Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
			Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10) };

	private final MeterRegistry registry;

	private final Clock clock;

	private final Counter placed;

	private final Counter confirmed;

	private final Counter cancelled;

	OrderMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.clock = Clock.systemUTC();
		this.placed = Counter.builder("orderflow.orders.placed")
			.description("Orders accepted (PENDING)")
			.register(registry);
		this.confirmed = Counter.builder("orderflow.orders.confirmed")
			.description("Orders confirmed: inventory reserved every line")
			.register(registry);
		this.cancelled = Counter.builder("orderflow.orders.cancelled")
			.description("Orders cancelled after inventory released their stock")
			.register(registry);
		for (RejectionReason reason : RejectionReason.values()) {
			rejected(reason);
		}
		for (String outcome : new String[] { "confirmed", "rejected", "cancelled" }) {
			sagaDuration(outcome);
		}
	}

	/** A new order was placed. */
	public void placed(Order order) {
		afterCommit(this.placed::increment);
	}

	/**
	 * An inventory answer moved {@code order} from {@code before} to its current status.
	 * Only the first terminal state ends the saga: a confirmed order cancelled later
	 * counts as cancelled but its saga duration was taken when it was confirmed.
	 */
	public void settled(Order order, OrderStatus before) {
		OrderStatus now = order.status();
		if (now == before) {
			return;
		}
		Duration sagaDuration = Duration.between(order.createdAt(), this.clock.instant());
		afterCommit(() -> {
			switch (now) {
				case CONFIRMED -> this.confirmed.increment();
				case REJECTED -> rejected(RejectionReason.of(order.reason())).increment();
				case CANCELLED -> this.cancelled.increment();
				default -> {
					return;
				}
			}
			if (before == OrderStatus.PENDING) {
				sagaDuration(now.name().toLowerCase(Locale.ROOT)).record(sagaDuration);
			}
		});
	}

	private Counter rejected(RejectionReason reason) {
		return Counter.builder("orderflow.orders.rejected")
			.description("Orders rejected by inventory, by bounded reason")
			.tag("reason", reason.tag())
			.register(this.registry);
	}

	private Timer sagaDuration(String outcome) {
		return Timer.builder("orderflow.saga.duration")
			.description("Time from placing an order to its first terminal state")
			.tag("outcome", outcome)
			.serviceLevelObjectives(SAGA_SLOS)
			.publishPercentileHistogram()
			.minimumExpectedValue(Duration.ofMillis(10))
			.maximumExpectedValue(Duration.ofMinutes(1))
			.register(this.registry);
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/**
	 * The reason tag as a closed set. The order keeps inventory's human-readable reason,
	 * whose wording inventory-service owns ({@code Rejection}); anything unrecognised is
	 * {@code other}, so the tag can never grow unbounded.
	 */
	enum RejectionReason {

		UNKNOWN_SKU, INSUFFICIENT_STOCK, UNDELIVERABLE, OTHER;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

		static RejectionReason of(String reason) {
			String text = (reason != null) ? reason.toLowerCase(Locale.ROOT) : "";
			if (text.startsWith("unknown sku")) {
				return UNKNOWN_SKU;
			}
			if (text.startsWith("insufficient stock")) {
				return INSUFFICIENT_STOCK;
			}
			if (text.startsWith("not processed")) {
				return UNDELIVERABLE;
			}
			return OTHER;
		}

	}

}
