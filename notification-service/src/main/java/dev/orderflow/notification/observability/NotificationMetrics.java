package dev.orderflow.notification.observability;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationRecorded;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.NotificationType;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code orderflow.notifications.sent} and {@code orderflow.notifications.failed}, tagged
 * with the notification type. Counted from the outside, on each committed
 * {@link NotificationRecorded}: a notification rolled back (and retried) is counted once,
 * when it finally commits.
 */
@Component
class NotificationMetrics {

	private static final Logger logger = LoggerFactory.getLogger(NotificationMetrics.class);

	private final MeterRegistry registry;

	NotificationMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (NotificationType type : NotificationType.values()) {
			counter("orderflow.notifications.sent", type);
			counter("orderflow.notifications.failed", type);
		}
	}

	@TransactionalEventListener
	void on(NotificationRecorded recorded) {
		Notification notification = recorded.notification();
		boolean sent = notification.status() == NotificationStatus.SENT;
		counter(sent ? "orderflow.notifications.sent" : "orderflow.notifications.failed", notification.type())
			.increment();
		// one line per notification, carrying the trace and order ids of the saga that
		// caused it
		logger.info("Notification {} for order {}: {}", notification.type(), notification.orderId(),
				notification.status());
	}

	private Counter counter(String name, NotificationType type) {
		return Counter.builder(name)
			.description(name.endsWith("sent") ? "E-mails sent to customers"
					: "Notifications that can never be sent (e.g. a malformed address)")
			.tag("type", type.name().toLowerCase(Locale.ROOT))
			.register(this.registry);
	}

}
