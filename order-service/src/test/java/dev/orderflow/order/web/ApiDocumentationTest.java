package dev.orderflow.order.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.apidocs.ApiDocuments;
import dev.orderflow.order.OrderServiceIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documentation the service serves stays complete: the OpenAPI document at
 * {@code /v3/api-docs} lists every endpoint a controller maps under {@code /api}, and the
 * AsyncAPI document of the events is served at {@code /asyncapi.yaml}. On the context and broker
 * every {@link OrderServiceIntegrationTest} shares.
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
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		assertThat(ApiDocuments.servedAsyncApi(this.mvc)).contains("orderServiceSendsOrders:", "orderServiceReceivesInventory:");
	}

}
