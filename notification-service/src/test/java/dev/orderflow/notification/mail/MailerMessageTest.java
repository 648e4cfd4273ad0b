package dev.orderflow.notification.mail;

import java.time.Duration;

import jakarta.activation.FileTypeMap;
import jakarta.mail.Session;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the mailer builds each message: with the sender's one MIME type map, not a new map
 * per e-mail (which reads the class path's {@code mime.types} files every time), and with
 * the e-mail's own id as its Message-ID.
 */
class MailerMessageTest {

	@Test
	void everyMessageUsesTheSendersMimeTypeMapBuiltOnce() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setDefaultEncoding("UTF-8");
		Mailer mailer = new Mailer(sender, new NotificationMailProperties("orders@orderflow.local", Duration.ZERO));
		FileTypeMap sendersMap = sender.getDefaultFileTypeMap();

		MimeMessageHelper first = mailer.helper(message(sender));
		MimeMessageHelper second = mailer.helper(message(sender));

		assertThat(sendersMap).isInstanceOf(ConfigurableMimeFileTypeMap.class);
		assertThat(first.getFileTypeMap()).isSameAs(sendersMap);
		assertThat(second.getFileTypeMap()).isSameAs(sendersMap);
		assertThat(first.getEncoding()).isEqualTo("UTF-8");
		mailer.close();
	}

	@Test
	void anEmailsIdBecomesItsMessageIdInTheSendersDomain() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		Mailer mailer = new Mailer(sender,
				new NotificationMailProperties("orderflow <orders@shop.example>", Duration.ZERO));

		assertThat(mailer.messageId(new Email("ada@example.com", "s", "b", "6f1c2f4e-8a55-4a51-9d1e-0b7f4f1e2a10")))
			.isEqualTo("<6f1c2f4e-8a55-4a51-9d1e-0b7f4f1e2a10@shop.example>");
		assertThat(mailer.messageId(new Email("ada@example.com", "s", "b", "a b<c>@d")))
			.as("characters a message id cannot hold")
			.isEqualTo("<a-b-c--d@shop.example>");
		assertThat(mailer.messageId(new Email("ada@example.com", "s", "b"))).isNull();
		mailer.close();
	}

	private static Mailer.OutgoingMessage message(JavaMailSenderImpl sender) {
		Session session = sender.getSession();
		return new Mailer.OutgoingMessage(session, sender.getDefaultFileTypeMap(), null);
	}

}
