package dev.orderflow.registry.auth;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Basic authentication, only when {@code orderflow.registry.auth.enabled=true}: locally
 * the registry stays open.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

	@Bean
	@ConditionalOnBooleanProperty("orderflow.registry.auth.enabled")
	BasicAuthFilter basicAuthFilter(AuthProperties properties) {
		return new BasicAuthFilter(properties);
	}

}
