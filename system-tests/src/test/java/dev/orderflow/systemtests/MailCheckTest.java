package dev.orderflow.systemtests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.orderflow.devstack.smtp.Mailbox;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the fault tests count e-mails: a second message about one outcome is a duplicate
 * the customer sees twice; a second copy of one message (same Message-ID) is the SMTP
 * resend a mail client shows once, counted apart.
 */
class MailCheckTest {

	private static final Map<String, Set<String>> EXPECTED = Map.of("ada@example.com", Set.of("Order o-1 confirmed"),
			"bob@example.com", Set.of("Order o-2 cancelled"));

	@Test
	void aCopyOfOneMessageIsNotADuplicate() {
		SagaFaultRun.MailCheck check = SagaFaultRun.MailCheck.of(List.of(mail(1, "ada", "o-1 confirmed", "<e1@x>"),
				mail(2, "bob", "o-2 cancelled", "<e2@x>"), mail(3, "bob", "o-2 cancelled", "<e2@x>")), EXPECTED);

		assertThat(check.duplicates()).isEmpty();
		assertThat(check.resentCopies()).isEqualTo(1);
		assertThat(check.missing()).isEmpty();
		assertThat(check.received()).isEqualTo(3);
	}

	@Test
	void aSecondMessageAboutOneOutcomeIsADuplicate() {
		SagaFaultRun.MailCheck check = SagaFaultRun.MailCheck.of(List.of(mail(1, "ada", "o-1 confirmed", "<e1@x>"),
				mail(2, "bob", "o-2 cancelled", "<e2@x>"), mail(3, "bob", "o-2 cancelled", "<e3@x>")), EXPECTED);

		assertThat(check.duplicates()).containsExactly("bob@example.com | Order o-2 cancelled");
		assertThat(check.resentCopies()).isZero();
	}

	@Test
	void mailsWithoutAMessageIdAreEachAMessage() {
		SagaFaultRun.MailCheck check = SagaFaultRun.MailCheck
			.of(List.of(mail(1, "ada", "o-1 confirmed", ""), mail(2, "ada", "o-1 confirmed", "")), EXPECTED);

		assertThat(check.duplicates()).containsExactly("ada@example.com | Order o-1 confirmed");
		assertThat(check.missing()).containsExactly("bob@example.com | Order o-2 cancelled");
	}

	private static Mailbox.Mail mail(int n, String who, String outcome, String messageId) {
		return new Mailbox.Mail(Path.of(n + "-" + who + ".eml"), Optional.empty(), who + "@example.com",
				"Order " + outcome, messageId);
	}

}
