package dev.orderflow.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notification service: watches the order saga, e-mails customers about the outcome
 * of their orders and streams every saga event to browsers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling // the SSE heartbeat
public class NotificationServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(NotificationServiceApplication.class, args);
	}

}
