package dev.orderflow.eventing.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * 401, 403 and a URL the firewall refuses (400) as RFC 9457 problems, like every other
 * error of the APIs. Spring Security's bearer token handlers set the status and the
 * {@code WWW-Authenticate} header (RFC 6750: why the token was refused); the body says
 * the same in words.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.bearer.commence(request, response, ex);
		String detail = (request.getHeader("Authorization") == null)
				? "This API needs an access token: Authorization: Bearer <token> (./orderflow token customer c-1)"
				: "The access token was refused: " + ex.getMessage();
		write(response, HttpStatus.UNAUTHORIZED, detail, request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.denied.handle(request, response, ex);
		write(response, HttpStatus.FORBIDDEN,
				"Your role may not " + request.getMethod() + " " + request.getRequestURI(), request);
	}

	/**
	 * Spring Security's firewall refused the URL (e.g. an encoded {@code ..}): 400, as
	 * any bad input.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		write(response, HttpStatus.BAD_REQUEST, "The request was rejected: " + ex.getMessage(), request);
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail,
			HttpServletRequest request) throws IOException {
		response.setStatus(status.value());
		// JSON is UTF-8 by definition (RFC 8259): no charset parameter, as Spring MVC's
		// own problems
		response.setContentType("application/problem+json");
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + escape(detail) + "\",\"instance\":\""
					+ escape(request.getRequestURI()) + "\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

	private static String escape(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : String.valueOf(text).toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
