package dev.orderflow.order.web;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.apidocs.ApiDocuments;
import dev.orderflow.order.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API documentation the service serves stays complete: the OpenAPI document at
 * {@code /v3/api-docs} lists every endpoint a controller maps under {@code /api} and
 * names the limits of an order and of a request body, and the AsyncAPI document of the
 * events is served at {@code /asyncapi.yaml}. On the context and broker every
 * {@link OrderServiceIntegrationTest} shares.
 */
@OrderServiceIntegrationTest
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
	void openApiDocumentNamesTheLimitsOfAnOrder() throws Exception {
		DocumentContext api = JsonPath.parse(this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String request = "$.components.schemas.PlaceOrderRequest.properties.";

		assertThat(api.read(request + "lines.maxItems", Integer.class)).isEqualTo(OrderLimits.DEFAULT_MAX_LINES);
		assertThat(api.read(request + "customerId.maxLength", Integer.class)).isEqualTo(200);
		assertThat(api.read(request + "customerEmail.maxLength", Integer.class)).isEqualTo(320);
		assertThat(api.read("$.components.schemas.Line.properties.sku.maxLength", Integer.class)).isEqualTo(100);
		assertThat(api.read("$.components.schemas.Line.properties.quantity.maximum", Integer.class)).isEqualTo(1000);
		assertThat(api.read("$.paths['/api/orders'].post.responses['413'].description", String.class))
			.contains("65536 bytes");
		assertThat(api.read("$.paths['/api/orders/{orderId}/cancel'].post.responses['413']", Object.class)).isNotNull();
	}

	@Test
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		assertThat(ApiDocuments.servedAsyncApi(this.mvc)).contains("orderServiceSendsOrders:",
				"orderServiceReceivesInventory:");
	}

}
