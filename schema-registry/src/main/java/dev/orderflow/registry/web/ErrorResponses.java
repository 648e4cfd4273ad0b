package dev.orderflow.registry.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Confluent's error body from a servlet filter, where no controller advice
 * applies.
 */
public final class ErrorResponses {

	private static final JsonMapper json = JsonMapper.builder().build();

	private ErrorResponses() {
	}

	public static void write(HttpServletResponse response, int status, int errorCode, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(RegistryMediaTypes.V1_JSON.toString());
		response.getOutputStream().write(json.writeValueAsBytes(new ErrorBody(errorCode, message)));
	}

	public static void write(HttpServletResponse response, RegistryException ex) throws IOException {
		write(response, ex.status().value(), ex.errorCode(), ex.getMessage());
	}

}
