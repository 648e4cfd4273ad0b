package dev.orderflow.notification;

import dev.orderflow.eventing.retention.SettledRecords;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What notification-service keeps about settled orders (ADR 0021): the notifications, and
 * whose each order was (learnt from OrderPlaced). Each goes once the settled-order
 * retention and the inbox's retention have passed since it was recorded, when
 * order-service has deleted the order and no redelivery of its events can arrive.
 */
@Configuration(proxyBeanMethods = false)
class SettledNotifications {

	static final SettledRecords NOTIFICATIONS = SettledRecords
		.table("notifications", "notification", "id", "created_at")
		.outlivingRedeliveries();

	static final SettledRecords ORDER_OWNERS = SettledRecords
		.table("order-owners", "order_owner", "order_id", "created_at")
		.outlivingRedeliveries();

	@Bean
	SettledRecords settledNotificationRows() {
		return NOTIFICATIONS;
	}

	@Bean
	SettledRecords settledOrderOwnerRows() {
		return ORDER_OWNERS;
	}

}
