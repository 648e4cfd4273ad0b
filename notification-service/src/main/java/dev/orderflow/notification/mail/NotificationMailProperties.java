package dev.orderflow.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings of the notification service; the SMTP server itself is {@code spring.mail.*}.
 *
 * @param from the sender address of every e-mail ({@code orderflow.notification.from})
 */
@ConfigurationProperties("orderflow.notification")
public record NotificationMailProperties(@DefaultValue("orders@orderflow.local") String from) {

}
