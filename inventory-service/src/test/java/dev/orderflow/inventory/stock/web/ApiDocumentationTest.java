package dev.orderflow.inventory.stock.web;

import java.util.List;

import dev.orderflow.inventory.AbstractIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.orderflow.eventing.apidocs.ApiDocuments;
import dev.orderflow.inventory.stock.Stock;

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
 * {@code /v3/api-docs} lists every endpoint a controller maps under {@code /api} and
 * names the restock limits, and the AsyncAPI document of the events is served at
 * {@code /asyncapi.yaml}. Shares the context of the other integration tests.
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
		List<String> documented = ApiDocuments.assertEveryApiEndpointIsDocumented(this.mvc, this.mappings);

		assertThat(documented).contains("GET /api/stock", "GET /api/stock/{sku}", "POST /api/stock/{sku}/restock");
	}

	@Test
	void openApiDocumentNamesTheRestockLimits() throws Exception {
		DocumentContext api = JsonPath.parse(this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String quantity = "$.components.schemas.RestockRequest.properties.quantity.";

		assertThat(api.read(quantity + "maximum", Integer.class)).isEqualTo(Stock.MAX_RESTOCK);
		assertThat(api.read(quantity + "description", String.class)).contains("at most 2147483647 units");
	}

	@Test
	void servesTheAsyncApiDocumentOfTheEvents() throws Exception {
		assertThat(ApiDocuments.servedAsyncApi(this.mvc)).contains("inventoryServiceSendsInventory:",
				"inventoryServiceReceivesOrders:");
	}

}
