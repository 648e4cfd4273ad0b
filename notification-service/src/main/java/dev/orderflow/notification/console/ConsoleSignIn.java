package dev.orderflow.notification.console;

import java.util.Map;

import dev.orderflow.eventing.security.ApiSecurityProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the console where to sign its user in: the issuer the services trust and the
 * console's public client. The browser does the rest (authorization code with PKCE, ADR
 * 0016); the page holds the access token in session storage and sends it with each call.
 */
@RestController
class ConsoleSignIn {

	private final String issuer;

	private final String clientId;

	ConsoleSignIn(ApiSecurityProperties security, ConsoleProperties console) {
		this.issuer = security.issuerUri().replaceAll("/+$", "");
		this.clientId = console.clientId();
	}

	@GetMapping("/console/sign-in")
	Map<String, String> signIn() {
		return Map.of("issuer", this.issuer, "clientId", this.clientId);
	}

}
