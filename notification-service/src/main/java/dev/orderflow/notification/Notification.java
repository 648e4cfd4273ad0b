package dev.orderflow.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * What the customer was told about an order, and whether the e-mail went out. One per
 * event: {@code eventId} is unique.
 *
 * @param id database id, {@code null} until recorded
 * @param eventId the event that caused the notification
 * @param orderId the order it is about
 * @param type which outcome
 * @param recipient the customer's e-mail address
 * @param subject the e-mail subject
 * @param body the plain-text e-mail body
 * @param status whether the e-mail was sent
 * @param error why sending failed, {@code null} when sent
 * @param createdAt when the notification was recorded
 */
public record Notification(Long id, UUID eventId, String orderId, NotificationType type, String recipient,
		String subject, String body, NotificationStatus status, String error, Instant createdAt) {

	Notification withId(long newId) {
		return new Notification(newId, eventId, orderId, type, recipient, subject, body, status, error, createdAt);
	}

	Notification failed(String reason) {
		return new Notification(id, eventId, orderId, type, recipient, subject, body, NotificationStatus.FAILED, reason,
				createdAt);
	}

}
