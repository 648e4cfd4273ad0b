package dev.orderflow.notification.observability;

import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationRecorded;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.NotificationType;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMetricsTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final NotificationMetrics metrics = new NotificationMetrics(this.registry);

	@Test
	void countsSentAndFailedNotificationsByType() {
		this.metrics.on(recorded(NotificationType.ORDER_CONFIRMED, NotificationStatus.SENT));
		this.metrics.on(recorded(NotificationType.ORDER_CONFIRMED, NotificationStatus.SENT));
		this.metrics.on(recorded(NotificationType.ORDER_REJECTED, NotificationStatus.FAILED));

		assertThat(count("orderflow.notifications.sent", "order_confirmed")).isEqualTo(2);
		assertThat(count("orderflow.notifications.sent", "order_rejected")).isZero();
		assertThat(count("orderflow.notifications.failed", "order_rejected")).isEqualTo(1);
		assertThat(count("orderflow.notifications.failed", "order_cancelled")).as("registered before any").isZero();
	}

	private double count(String name, String type) {
		return this.registry.get(name).tag("type", type).counter().count();
	}

	private static NotificationRecorded recorded(NotificationType type, NotificationStatus status) {
		return new NotificationRecorded(new Notification(1L, UUID.randomUUID(), UUID.randomUUID().toString(), type,
				"ada@example.com", "subject", "body", status,
				(status == NotificationStatus.FAILED) ? "bad address" : null, Instant.now()));
	}

}
