package dev.orderflow.eventing.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Checks shared by every service's {@code ApiDocumentationTest}: the OpenAPI document
 * lists each endpoint a controller maps under {@code /api}, and the AsyncAPI document of
 * the events is served. Lives in eventing's test jar so the three services do not copy
 * it.
 */
public final class ApiDocuments {

	private ApiDocuments() {
	}

	/**
	 * Asserts that {@code /v3/api-docs} documents every {@code METHOD /api/...} the
	 * application maps.
	 * @return the documented operations, as {@code "METHOD /path"}, for further
	 * assertions
	 */
	public static List<String> assertEveryApiEndpointIsDocumented(MockMvc mvc, RequestMappingHandlerMapping mappings)
			throws Exception {
		String json = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Map<String, Object>> paths = JsonPath.read(json, "$.paths");
		List<String> documented = new ArrayList<>();
		paths.forEach((path, operations) -> operations.keySet()
			.forEach((method) -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
		assertThat(apiEndpoints(mappings)).isNotEmpty()
			.allSatisfy((endpoint) -> assertThat(documented).contains(endpoint));
		return documented;
	}

	/**
	 * The AsyncAPI document the service serves at {@code /asyncapi.yaml}, after checking
	 * it lists every topic.
	 */
	public static String servedAsyncApi(MockMvc mvc) throws Exception {
		String yaml = mvc.perform(get("/asyncapi.yaml"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(yaml).startsWith("# GENERATED")
			.contains("asyncapi: 3.0.0", "address: 'orders'", "address: 'inventory'", "address: 'orders.DLT'",
					"address: 'inventory.DLT'");
		return yaml;
	}

	/** Every "METHOD /path" a controller maps under /api. */
	private static List<String> apiEndpoints(RequestMappingHandlerMapping mappings) {
		List<String> endpoints = new ArrayList<>();
		mappings.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getPatternValues()
				.stream()
				.filter((pattern) -> pattern.startsWith("/api/") || pattern.equals("/api"))
				.forEach((pattern) -> info.getMethodsCondition()
					.getMethods()
					.forEach((method) -> endpoints.add(method.name() + " " + pattern))));
		return endpoints;
	}

}
