package dev.orderflow.order.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.apidocs.ApiDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documentation the service serves stays complete: the OpenAPI document at
 * {@code /v3/api-docs} lists every endpoint a controller maps under {@code /api}, and the
 * AsyncAPI document of the events is served at {@code /asyncapi.yaml}. Same configuration as
 * {@code OrderSagaIntegrationTest}, so both share one application context and one broker.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"spring.kafka.properties.schema.registry.url=mock://order-service-test",
		"spring.datasource.url=jdbc:h2:mem:order-service-test;DB_CLOSE_DELAY=-1",
		"orderflow.outbox.poll-interval=50ms", "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
		"logging.level.state.change.logger=WARN" })
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = { "orders", "inventory" })
class ApiDocumentationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void openApiDocumentListsEveryApiEndpoint() throws Exception {
		List<String> documented = ApiDocuments.assertEveryApiEndpointIsDocumented(this.mvc, this.mappings);

		assertThat(documented).contains("POST /api/orders", "GET /api/orders/{orderId}", "GET /api/orders",
				"POST /api/orders/{orderId}/cancel");
	}

	@Test
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		assertThat(ApiDocuments.servedAsyncApi(this.mvc)).contains("orderServiceSendsOrders:", "orderServiceReceivesInventory:");
	}

}
