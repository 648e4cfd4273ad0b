package dev.orderflow.eventing.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own authorization rules, e.g. "POST /api/orders needs the customer role".
 * They are applied after the common ones (health open, dead letters for operators) and
 * before the last, which denies whatever no rule named.
 */
@FunctionalInterface
public interface ApiRules {

	void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
