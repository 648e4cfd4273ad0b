package dev.orderflow.notification.bench;

import org.junit.jupiter.api.Test;

import dev.orderflow.notification.NotificationServiceApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fence of ADR 0020 in notification-service itself: e-mail off without the
 * benchmark's allowance, and the service does not start, naming the switch.
 */
class EmailOffRefusedTest {

	@Test
	void refusesToStartWithEmailOffAlone() {
		SpringApplicationBuilder service = new SpringApplicationBuilder(NotificationServiceApplication.class)
			.web(WebApplicationType.NONE);
		// arguments, which win over application.yml; the fence stops the start before the
		// database is opened, but should it not, the database is a throwaway one
		assertThatThrownBy(() -> service.run(
				"--spring.datasource.url=jdbc:h2:mem:notification-service-email-off-refused;DB_CLOSE_DELAY=-1",
				"--spring.kafka.bootstrap-servers=127.0.0.1:9", "--orderflow.bench.email-off=true"))
			.hasStackTraceContaining("orderflow.bench.email-off")
			.hasStackTraceContaining("orderflow.bench.allow-unsafe-switches=true");
	}

}
