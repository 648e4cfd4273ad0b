package dev.orderflow.notification.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.DependencyUnavailableException;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends an {@link Email} over SMTP, from the configured sender address, and says which failures
 * are the server's for now ({@link SmtpFailures}): those surface as a
 * {@link DependencyUnavailableException}, so the event waits for the server instead of reaching
 * the dead letters.
 */
@Component
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender mailSender;

	private final NotificationMailProperties properties;

	Mailer(JavaMailSender mailSender, NotificationMailProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
	}

	/**
	 * Hands the e-mail to the SMTP server.
	 * @param email what to send
	 * @throws DependencyUnavailableException when the server is unreachable, went away or answered
	 * with a temporary (4xx) reply: the same e-mail will pass later
	 * @throws MailException when the message is malformed or the server refuses it for good
	 */
	public void send(Email email) throws MailException {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(email.to());
		message.setSubject(email.subject());
		message.setText(email.body());
		try {
			this.mailSender.send(message);
		}
		catch (MailException ex) {
			if (SmtpFailures.wasSent(ex)) {
				log.warn("The SMTP server took the e-mail to {} but closing the connection failed: {}", email.to(),
						ex.getMessage());
				return;
			}
			if (SmtpFailures.isTemporary(ex)) {
				throw new DependencyUnavailableException(Dependency.MAIL,
						"The SMTP server cannot take the e-mail to " + email.to() + " now: " + ex.getMessage(), ex);
			}
			throw ex;
		}
	}

}
