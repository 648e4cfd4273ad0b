package dev.orderflow.notification.bench;

import dev.orderflow.notification.mail.Email;
import dev.orderflow.notification.mail.Mailer;
import dev.orderflow.notification.mail.NotificationMailProperties;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * E-mail switched off ({@code orderflow.bench.email-off}, bench only): every e-mail
 * counts as sent without a word to the SMTP server. The service still renders it and
 * records the notification as sent, so the saga, the console and the live updates behave
 * as with e-mail on; what the benchmark's row leaves out is building the MIME message and
 * the SMTP conversation. No customer is told anything.
 */
class EmailOffMailer extends Mailer {

	/**
	 * The mail sender is handed to the {@link Mailer} constructor only because it
	 * requires one; {@link #send} overrides the one method that would use it.
	 */
	EmailOffMailer(JavaMailSenderImpl mailSender, NotificationMailProperties properties) {
		super(mailSender, properties);
	}

	@Override
	public void send(Email email) {
		// nothing leaves: the caller records the notification as sent
	}

}
