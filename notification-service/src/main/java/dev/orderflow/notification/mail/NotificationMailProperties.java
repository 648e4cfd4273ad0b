package dev.orderflow.notification.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings of the notification service; the SMTP server itself is
 * {@code spring.mail.*}.
 *
 * @param from the sender address of every e-mail ({@code orderflow.notification.from})
 * @param smtpIdleTimeout how long the open SMTP connection may wait for the next e-mail
 * before it is closed ({@code orderflow.notification.smtp-idle-timeout}); keep it below
 * the server's own idle timeout (RFC 5321 suggests at least 5 minutes), so the server
 * rarely closes it first
 */
@ConfigurationProperties("orderflow.notification")
public record NotificationMailProperties(@DefaultValue("orders@orderflow.local") String from,
		@DefaultValue("30s") Duration smtpIdleTimeout) {

}
