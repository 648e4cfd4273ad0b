package dev.orderflow.notification;

import java.time.Instant;
import java.util.UUID;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.events.OrderCancelled;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderRejected;
import dev.orderflow.notification.mail.Email;
import dev.orderflow.notification.mail.Mailer;
import dev.orderflow.notification.mail.OrderEmails;
import dev.orderflow.schemaregistry.rules.PiiMasking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells customers the outcome of their orders: one notification, and one e-mail, per
 * event.
 *
 * <p>
 * Each method is an idempotent consumer: in one database transaction it claims the event
 * in the inbox of processed events, records the notification and then sends the e-mail.
 * If the SMTP server cannot be reached the exception propagates, the transaction rolls
 * back (inbox entry and notification alike) and the Kafka container's error handler
 * redelivers the event, finally to the dead-letter topic. Delivery is therefore <em>at
 * least once</em>: if SMTP accepts the message and the commit that follows fails, or the
 * server goes away after reading the message but before saying it kept it, the redelivery
 * sends the e-mail a second time. Exactly once would need the SMTP server to take part in
 * the transaction, which it cannot; a rare second copy is the cheaper failure than a lost
 * e-mail. Every copy carries the same {@code Message-ID}, made from the event's id
 * ({@link dev.orderflow.notification.mail.OrderEmails}), so the recipient's mail system
 * shows one message.
 */
@Service
public class NotificationService {

	/** This consumer's name in the inbox of processed events. */
	static final String CONSUMER = "notification-service";

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private final ProcessedEvents processedEvents;

	private final Notifications notifications;

	private final OrderEmails emails;

	private final Mailer mailer;

	private final ApplicationEventPublisher events;

	NotificationService(ProcessedEvents processedEvents, Notifications notifications, OrderEmails emails, Mailer mailer,
			ApplicationEventPublisher events) {
		this.processedEvents = processedEvents;
		this.notifications = notifications;
		this.emails = emails;
		this.mailer = mailer;
		this.events = events;
	}

	@Transactional
	public void orderConfirmed(OrderConfirmed event) {
		if (firstDelivery(event.getEventId(), event.getOrderId())) {
			notify(event.getEventId(), event.getOrderId(), NotificationType.ORDER_CONFIRMED,
					this.emails.confirmed(event));
		}
	}

	@Transactional
	public void orderRejected(OrderRejected event) {
		if (firstDelivery(event.getEventId(), event.getOrderId())) {
			notify(event.getEventId(), event.getOrderId(), NotificationType.ORDER_REJECTED,
					this.emails.rejected(event));
		}
	}

	@Transactional
	public void orderCancelled(OrderCancelled event) {
		if (firstDelivery(event.getEventId(), event.getOrderId())) {
			notify(event.getEventId(), event.getOrderId(), NotificationType.ORDER_CANCELLED,
					this.emails.cancelled(event));
		}
	}

	private boolean firstDelivery(UUID eventId, String orderId) {
		boolean first = this.processedEvents.firstDelivery(CONSUMER, eventId);
		if (!first) {
			log.info("Event {} of order {} was already notified; ignoring the redelivery", eventId, orderId);
		}
		return first;
	}

	private void notify(UUID eventId, String orderId, NotificationType type, Email email) {
		// Record first: the unique event_id guards against a second e-mail before one is
		// sent.
		Notification notification = this.notifications.add(new Notification(null, eventId, orderId, type, email.to(),
				email.subject(), email.body(), NotificationStatus.SENT, null, Instant.now()));
		try {
			this.mailer.send(email);
		}
		catch (MailParseException | MailPreparationException ex) {
			// The message itself is unsendable (e.g. a malformed address): a retry would
			// fail the
			// same way, so record the failure instead of sending the event to the dead
			// letters.
			// the address is personal data (tagged PII in the events' contracts): never
			// logged in the clear
			log.warn("Cannot e-mail {} about order {} (event {}): {}", PiiMasking.maskEmails(email.to()), orderId,
					eventId, PiiMasking.maskEmails(ex.getMessage()));
			notification = notification.failed(ex.getMessage());
			this.notifications.markFailed(notification.id(), notification.error());
		}
		this.events.publishEvent(new NotificationRecorded(notification));
	}

}
