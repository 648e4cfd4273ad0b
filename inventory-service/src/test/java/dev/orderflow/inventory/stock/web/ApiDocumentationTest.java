package dev.orderflow.inventory.stock.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import dev.orderflow.inventory.AbstractIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API documentation the service serves stays complete: the OpenAPI document at
 * {@code /v3/api-docs} lists every endpoint a controller maps under {@code /api}, and the
 * AsyncAPI document of the events is served at {@code /asyncapi.yaml}. Shares the context of
 * the other integration tests.
 */
class ApiDocumentationTest extends AbstractIntegrationTest {

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@BeforeEach
	void mockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
	}

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
		assertThat(documented).contains("GET /api/stock", "GET /api/stock/{sku}", "POST /api/stock/{sku}/restock");
	}

	@Test
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		String yaml = this.mvc.perform(get("/asyncapi.yaml")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();

		assertThat(yaml).startsWith("# GENERATED").contains("asyncapi: 3.0.0", "address: 'orders'",
				"address: 'inventory'", "address: 'orders.DLT'", "address: 'inventory.DLT'",
				"inventoryServiceSendsInventory:", "inventoryServiceReceivesOrders:");
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
