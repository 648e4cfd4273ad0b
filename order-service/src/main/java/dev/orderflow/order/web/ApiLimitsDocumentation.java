package dev.orderflow.order.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Puts the configured limits into the OpenAPI document: {@code maxItems} of an order's
 * lines and a 413 answer on every operation that takes a body. The fixed limits (string
 * lengths, quantities) come from the validation annotations by themselves.
 */
class ApiLimitsDocumentation implements OpenApiCustomizer {

	private final OrderLimits orderLimits;

	private final HttpLimits httpLimits;

	ApiLimitsDocumentation(OrderLimits orderLimits, HttpLimits httpLimits) {
		this.orderLimits = orderLimits;
		this.httpLimits = httpLimits;
	}

	@Override
	public void customise(OpenAPI openApi) {
		documentMaxLines(openApi);
		documentMaxRequestBody(openApi);
	}

	private void documentMaxLines(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Schema<?> request = openApi.getComponents().getSchemas().get(PlaceOrderRequest.class.getSimpleName());
		if (request != null && request.getProperties() != null && request.getProperties().get("lines") != null) {
			Schema<?> lines = request.getProperties().get("lines");
			lines.setMaxItems(this.orderLimits.maxLines());
			lines.setDescription("What is ordered, one line per SKU; an order has at most "
					+ this.orderLimits.maxLines() + " lines (orderflow.orders.max-lines)");
		}
	}

	private void documentMaxRequestBody(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		ApiResponse tooLarge = new ApiResponse()
			.description("The request body is larger than " + this.httpLimits.maxRequestBody().toBytes()
					+ " bytes (orderflow.http.max-request-body); the problem names the limit")
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType()));
		openApi.getPaths().values().forEach((path) -> path.readOperationsMap().forEach((method, operation) -> {
			if (takesABody(method) && operation.getResponses() != null) {
				operation.getResponses().addApiResponse("413", tooLarge);
			}
		}));
	}

	private static boolean takesABody(PathItem.HttpMethod method) {
		return method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
				|| method == PathItem.HttpMethod.PATCH;
	}

}
