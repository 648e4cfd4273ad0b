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
 * per e-mail (which reads the class path's {@code mime.types} files every time).
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

	private static Mailer.OutgoingMessage message(JavaMailSenderImpl sender) {
		Session session = sender.getSession();
		return new Mailer.OutgoingMessage(session, sender.getDefaultFileTypeMap());
	}

}
