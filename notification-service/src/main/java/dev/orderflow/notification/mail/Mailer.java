package dev.orderflow.notification.mail;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends an {@link Email} over SMTP, from the configured sender address.
 */
@Component
public class Mailer {

	private final JavaMailSender mailSender;

	private final NotificationMailProperties properties;

	Mailer(JavaMailSender mailSender, NotificationMailProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
	}

	/**
	 * Hands the e-mail to the SMTP server.
	 * @param email what to send
	 * @throws MailException when the message is malformed or the server is unreachable or refuses it
	 */
	public void send(Email email) throws MailException {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(email.to());
		message.setSubject(email.subject());
		message.setText(email.body());
		this.mailSender.send(message);
	}

}
