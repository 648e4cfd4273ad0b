package dev.orderflow.notification.bench;

import dev.orderflow.eventing.bench.BenchSwitches;
import dev.orderflow.notification.mail.Mailer;
import dev.orderflow.notification.mail.NotificationMailProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * On a benchmark stack with {@code orderflow.bench.email-off} (ADR 0020), notifications
 * are sent with {@link EmailOffMailer} instead of the SMTP {@link Mailer}. Taking
 * {@link BenchSwitches} makes sure the switch is allowed: otherwise the service does not
 * start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(BenchSwitches.PREFIX + ".email-off")
class EmailOffConfiguration {

	@Bean
	@Primary
	Mailer emailOffMailer(BenchSwitches switches, JavaMailSenderImpl mailSender,
			NotificationMailProperties properties) {
		return new EmailOffMailer(mailSender, properties);
	}

}
