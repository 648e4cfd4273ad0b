package dev.orderflow.eventing.overload;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpHeaders;

/**
 * Puts the 503 of a busy database on every operation of the service's OpenAPI document
 * under {@code /api}: any of them may need a connection.
 */
class DatabaseBusyDocumentation implements OpenApiCustomizer {

	private final DatabaseWaitProperties properties;

	DatabaseBusyDocumentation(DatabaseWaitProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		ApiResponse busy = new ApiResponse()
			.description(
					"The database is busy: every connection stayed in use for " + this.properties.maxWait().toMillis()
							+ " ms (orderflow.http.database.max-wait), or data the request needs stayed locked"
							+ " past the database's lock timeout; nothing was changed, retry after the seconds"
							+ " of Retry-After")
			.headers(Map.of(HttpHeaders.RETRY_AFTER,
					new Header().description("seconds to wait before retrying").schema(new IntegerSchema())))
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
					new MediaType()));
		openApi.getPaths().forEach((path, item) -> {
			if (path.startsWith("/api/")) {
				item.readOperations()
					.stream()
					.filter((operation) -> operation.getResponses() != null)
					.forEach((operation) -> operation.getResponses().addApiResponse("503", busy));
			}
		});
	}

}
