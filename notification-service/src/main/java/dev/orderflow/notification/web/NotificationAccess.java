package dev.orderflow.notification.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.orderflow.eventing.security.ApiRules;
import dev.orderflow.eventing.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Who may call notification-service (ADR 0016). The console's page and scripts are open:
 * it signs its user in itself, at the authorization server. Its API proxy needs a token
 * and passes it on, so order-service and inventory-service decide. Notifications and the
 * live stream are for customers (their own orders) and operators (all).
 */
@Configuration(proxyBeanMethods = false)
public class NotificationAccess {

	static final String STREAM = "/api/notifications/stream";

	@Bean
	ApiRules notificationRules() {
		return (requests) -> requests
			.requestMatchers(HttpMethod.GET, "/", "/index.html", "/console.js", "/console.css", "/favicon.ico",
					"/console/sign-in")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/notifications", STREAM)
			.hasAnyRole(Caller.CUSTOMER, Caller.OPERATOR)
			.requestMatchers("/console/api/**")
			.authenticated();
	}

	/**
	 * A browser's EventSource cannot send an Authorization header, so the live stream
	 * alone also takes the token as {@code ?access_token=} (RFC 6750 §2.3). Every other
	 * request must use the header: a token in a URL ends up in access logs.
	 */
	@Bean
	BearerTokenResolver bearerTokens() {
		DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
		DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
		headerOrQuery.setAllowUriQueryParameter(true);
		return (HttpServletRequest request) -> STREAM.equals(request.getRequestURI()) ? headerOrQuery.resolve(request)
				: header.resolve(request);
	}

}
