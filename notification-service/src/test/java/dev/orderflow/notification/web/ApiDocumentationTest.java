package dev.orderflow.notification.web;

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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
// close the context and its broker after this class, not in a shutdown hook (see NotificationServiceIntegrationTest)
@DirtiesContext
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
		assertThat(documented).contains("GET /api/notifications", "GET /api/notifications/stream");
	}

	@Test
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		String yaml = this.mvc.perform(get("/asyncapi.yaml")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(yaml).startsWith("# GENERATED").contains("asyncapi: 3.0.0", "address: 'orders'",
				"address: 'inventory'", "address: 'orders.DLT'", "address: 'inventory.DLT'",
				"notificationServiceReceivesOrders:", "notificationServiceReceivesInventory:");
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
