package dev.orderflow.notification.mail;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.TransientFailures;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring's mail sender throws when the SMTP server is away is waited for (the e-mail is sent
 * once the server is back); a recipient the server refuses is the record's own failure.
 */
class MailFailureClassificationTest {

	@Test
	void aRefusedConnectionIsWaitedFor() {
		MailSendException refused = new MailSendException("Mail server connection failed",
				new MessagingException("Couldn't connect to host, port: 127.0.0.1, 3025", new ConnectException("refused")));
		assertThat(TransientFailures.dependencyOf(refused)).contains(Dependency.MAIL);
	}

	@Test
	void aServerThatWentAwayMidConversationIsWaitedFor() {
		MailSendException reset = new MailSendException("Failed messages",
				new MessagingException("Exception reading response", new SocketException("Connection reset")));
		MailSendException eof = new MailSendException("Failed messages",
				new MessagingException("Exception reading response", new EOFException()));
		assertThat(TransientFailures.dependencyOf(reset)).contains(Dependency.MAIL);
		assertThat(TransientFailures.dependencyOf(eof)).contains(Dependency.MAIL);
	}

	@Test
	void aRefusedRecipientIsTheRecordsOwnFailure() {
		MailSendException refusedRecipient = new MailSendException("Failed messages",
				new SendFailedException("550 5.1.1 no such user"));
		assertThat(TransientFailures.isTransient(refusedRecipient)).isFalse();
	}

}
