package dev.orderflow.registry.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests change the registry: every PUT and DELETE, and of the POSTs only a
 * registration (a POST to {@code /subjects/{subject}} is a lookup, one to
 * {@code /compatibility/...} a check). Writes need the read-write role and go to the
 * leader.
 */
public final class WriteRequests {

	private static final Pattern REGISTER = Pattern.compile("^/subjects/[^/]+/versions/?$");

	private WriteRequests() {
	}

	public static boolean isWrite(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "PUT", "DELETE" -> true;
			case "POST" -> REGISTER.matcher(request.getRequestURI()).matches();
			default -> false;
		};
	}

}
