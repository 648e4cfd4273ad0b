package dev.orderflow.notification.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.apidocs.ApiDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documentation the service serves stays complete: the OpenAPI document at
 * {@code /v3/api-docs} lists every endpoint a controller maps under {@code /api}, and the
 * AsyncAPI document of the events is served at {@code /asyncapi.yaml}.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.properties.schema.registry.url=mock://notification-service-api-docs",
		"spring.datasource.url=jdbc:h2:mem:notification-service-api-docs;DB_CLOSE_DELAY=-1",
		"spring.mail.host=127.0.0.1", "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
		"logging.level.state.change.logger=WARN" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = { "orders", "inventory" })
// close the context and its broker after this class, not in a shutdown hook (see
// NotificationServiceIntegrationTest)
@DirtiesContext
class ApiDocumentationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void openApiDocumentListsEveryApiEndpoint() throws Exception {
		List<String> documented = ApiDocuments.assertEveryApiEndpointIsDocumented(this.mvc, this.mappings);

		assertThat(documented).contains("GET /api/notifications", "GET /api/notifications/stream");
	}

	@Test
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		assertThat(ApiDocuments.servedAsyncApi(this.mvc)).contains("notificationServiceReceivesOrders:",
				"notificationServiceReceivesInventory:");
	}

}
