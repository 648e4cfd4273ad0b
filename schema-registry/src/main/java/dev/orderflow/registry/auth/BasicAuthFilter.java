package dev.orderflow.registry.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.orderflow.registry.web.ErrorResponses;
import dev.orderflow.registry.web.WriteRequests;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic authentication with a read-only and a read-write role, answering as
 * Confluent's registry does: 401 with {@code WWW-Authenticate} without valid credentials,
 * 403 (40301) for a write by a read-only user. Runs before a follower forwards a write,
 * so nothing unauthorized reaches the leader; the leader checks the forwarded credentials
 * again. Health and metrics stay open for probes and Prometheus.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BasicAuthFilter extends OncePerRequestFilter {

	private static final Pattern SUBJECT = Pattern.compile("^/(?:subjects|config|mode)/([^/]+)");

	private final Map<String, User> users = new HashMap<>();

	BasicAuthFilter(AuthProperties properties) {
		add(properties.readOnlyUsers(), false);
		add(properties.readWriteUsers(), true);
		if (this.users.isEmpty()) {
			throw new IllegalStateException("orderflow.registry.auth.enabled=true but no user is configured:"
					+ " set orderflow.registry.auth.read-only-users and/or read-write-users (user:password,...)");
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		User user = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (user == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"SchemaRegistry\"");
			ErrorResponses.write(response, 401, 401, "Unauthorized");
			return;
		}
		if (WriteRequests.isWrite(request) && !user.writer()) {
			Matcher subject = SUBJECT.matcher(request.getRequestURI());
			String resource = subject.find() ? "Subject: " + subject.group(1) : "Global";
			ErrorResponses.write(response, 403, 40301,
					"User " + user.name() + " is denied operation Write on " + resource);
			return;
		}
		chain.doFilter(request, response);
	}

	private User authenticate(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			return null;
		}
		User user = this.users.get(decoded.substring(0, colon));
		byte[] given = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
		// compared in constant time, so timing tells nothing about the password
		return (user != null && MessageDigest.isEqual(user.password(), given)) ? user : null;
	}

	private void add(List<String> entries, boolean writer) {
		for (String entry : entries) {
			if (entry.isBlank()) {
				continue;
			}
			int colon = entry.indexOf(':');
			if (colon <= 0) {
				throw new IllegalStateException("A registry user must be given as user:password");
			}
			String name = entry.substring(0, colon).trim();
			this.users.put(name, new User(name, entry.substring(colon + 1).getBytes(StandardCharsets.UTF_8), writer));
		}
	}

	private record User(String name, byte[] password, boolean writer) {
	}

}
