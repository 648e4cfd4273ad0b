package dev.orderflow.order.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
		String json = this.mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(json, "$.paths");

		List<String> documented = new ArrayList<>();
		paths.forEach((path, operations) -> operations.keySet()
			.forEach((method) -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
		assertThat(apiEndpoints()).isNotEmpty().allSatisfy((endpoint) -> assertThat(documented).contains(endpoint));
		assertThat(documented).contains("POST /api/orders", "GET /api/orders/{orderId}", "GET /api/orders",
				"POST /api/orders/{orderId}/cancel");
	}

	@Test
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		String yaml = this.mvc.perform(get("/asyncapi.yaml")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(yaml).startsWith("# GENERATED").contains("asyncapi: 3.0.0", "address: 'orders'",
				"address: 'inventory'", "address: 'orders.DLT'", "address: 'inventory.DLT'",
				"orderServiceSendsOrders:", "orderServiceReceivesInventory:");
	}

	/** Every "METHOD /path" a controller maps under /api. */
	private List<String> apiEndpoints() {
		List<String> endpoints = new ArrayList<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> info.getPatternValues()
			.stream()
			.filter((pattern) -> pattern.startsWith("/api/") || pattern.equals("/api"))
			.forEach((pattern) -> info.getMethodsCondition().getMethods()
				.forEach((method) -> endpoints.add(method.name() + " " + pattern))));
		return endpoints;
	}

}
