package dev.orderflow.notification;

import java.util.UUID;

import dev.orderflow.eventing.inbox.ProcessedEvents;
import dev.orderflow.events.OrderConfirmed;
import dev.orderflow.events.OrderRejected;
import dev.orderflow.notification.mail.Email;
import dev.orderflow.notification.mail.Mailer;
import dev.orderflow.notification.mail.OrderEmails;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

import static dev.orderflow.notification.OrderEventsFixtures.confirmed;
import static dev.orderflow.notification.OrderEventsFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class NotificationServiceTest {

	private final ProcessedEvents processedEvents = mock(ProcessedEvents.class);

	private final Notifications notifications = mock(Notifications.class);

	private final Mailer mailer = mock(Mailer.class);

	private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);

	private final NotificationService service = new NotificationService(this.processedEvents, this.notifications,
			new OrderEmails(), this.mailer, this.events);

	@Test
	void recordsAndSendsTheFirstDelivery() {
		OrderConfirmed event = confirmed("ord-1", "ada@example.com");
		firstDelivery(event.getEventId(), true);

		this.service.orderConfirmed(event);

		ArgumentCaptor<Notification> recorded = ArgumentCaptor.forClass(Notification.class);
		verify(this.notifications).add(recorded.capture());
		assertThat(recorded.getValue())
			.extracting(Notification::eventId, Notification::orderId, Notification::type, Notification::status)
			.containsExactly(event.getEventId(), "ord-1", NotificationType.ORDER_CONFIRMED, NotificationStatus.SENT);
		verify(this.mailer).send(new Email("ada@example.com", "Order ord-1 confirmed", recorded.getValue().body(),
				event.getEventId().toString()));
		verify(this.events).publishEvent(any(NotificationRecorded.class));
	}

	@Test
	void ignoresARedelivery() {
		OrderConfirmed event = confirmed("ord-2", "ada@example.com");
		firstDelivery(event.getEventId(), false);

		this.service.orderConfirmed(event);

		verifyNoInteractions(this.notifications, this.mailer, this.events);
	}

	@Test
	void letsAnSmtpOutagePropagateSoTheEventIsRetried() {
		OrderRejected event = rejected("ord-3", "bob@example.com", "out of stock");
		firstDelivery(event.getEventId(), true);
		willThrow(new MailSendException("connection refused")).given(this.mailer).send(any());

		assertThatExceptionOfType(MailSendException.class).isThrownBy(() -> this.service.orderRejected(event));
		verify(this.events, never()).publishEvent(any());
	}

	@Test
	void recordsAnUnsendableEmailAsFailedInsteadOfRetrying() {
		OrderRejected event = rejected("ord-4", "not an address", "out of stock");
		firstDelivery(event.getEventId(), true);
		willThrow(new MailParseException("Illegal address")).given(this.mailer).send(any());

		this.service.orderRejected(event);

		verify(this.notifications).markFailed(anyLong(), anyString());
		ArgumentCaptor<NotificationRecorded> published = ArgumentCaptor.forClass(NotificationRecorded.class);
		verify(this.events).publishEvent(published.capture());
		assertThat(published.getValue().notification().status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(published.getValue().notification().error()).contains("Illegal address");
	}

	private void firstDelivery(UUID eventId, boolean first) {
		given(this.processedEvents.firstDelivery(NotificationService.CONSUMER, eventId)).willReturn(first);
		given(this.notifications.add(any()))
			.willAnswer((invocation) -> invocation.<Notification>getArgument(0).withId(7));
	}

}
