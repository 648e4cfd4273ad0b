package dev.orderflow.notification.mail;

import org.junit.jupiter.api.Test;

import dev.orderflow.events.OrderConfirmed;

import static dev.orderflow.notification.OrderEventsFixtures.cancelled;
import static dev.orderflow.notification.OrderEventsFixtures.confirmed;
import static dev.orderflow.notification.OrderEventsFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

class OrderEmailsTest {

	private final OrderEmails emails = new OrderEmails();

	@Test
	void confirmationListsTheReservedLines() {
		OrderConfirmed event = confirmed("ord-1", "ada@example.com");
		Email email = this.emails.confirmed(event);

		assertThat(email.to()).isEqualTo("ada@example.com");
		assertThat(email.subject()).isEqualTo("Order ord-1 confirmed");
		assertThat(email.body()).contains("ord-1")
			.contains("  - 2 x SKU-001\n  - 1 x SKU-042")
			.contains("2025-03-14 09:26:53 UTC");
		assertThat(email.id()).as("the identity a second sending repeats").isEqualTo(event.getEventId().toString());
	}

	@Test
	void rejectionGivesTheReasonInSubjectAndBody() {
		Email email = this.emails
			.rejected(rejected("ord-2", "bob@example.com", "insufficient stock for SKU-001: short by 3"));

		assertThat(email.to()).isEqualTo("bob@example.com");
		assertThat(email.subject()).isEqualTo("Order ord-2 rejected: insufficient stock for SKU-001: short by 3");
		assertThat(email.body()).contains("Reason:      insufficient stock for SKU-001: short by 3")
			.contains("2025-03-14 09:26:53 UTC");
	}

	@Test
	void rejectionKeepsTheSubjectOnOneShortLine() {
		String reason = "first line\r\nsecond line " + "x".repeat(300);

		Email email = this.emails.rejected(rejected("ord-3", "bob@example.com", reason));

		assertThat(email.subject()).startsWith("Order ord-3 rejected: first line second line x")
			.doesNotContain("\n", "\r")
			.endsWith("...")
			.hasSizeLessThan(200);
		assertThat(email.body()).contains(reason);
	}

	@Test
	void cancellationSaysWhatTheOrderWasBefore() {
		Email email = this.emails.cancelled(cancelled("ord-4", "cy@example.com"));

		assertThat(email.to()).isEqualTo("cy@example.com");
		assertThat(email.subject()).isEqualTo("Order ord-4 cancelled");
		assertThat(email.body()).contains("Status before cancelling: CONFIRMED")
			.contains("being released")
			.contains("2025-03-14 09:26:53 UTC");
	}

}
