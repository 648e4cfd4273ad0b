package dev.orderflow.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The demo users: customers {@code c-1} and {@code c-2}, whose user name is their
 * customer id (the {@code sub} of their tokens), and one {@code operator}. Their
 * passwords come from the environment ({@code ORDERFLOW_AUTH_CUSTOMER_PASSWORD},
 * {@code ORDERFLOW_AUTH_OPERATOR_PASSWORD}); the defaults are for a laptop only, k8s
 * reads them from a Secret.
 */
@Configuration(proxyBeanMethods = false)
class DemoUsers {

	static final String CUSTOMER = "customer";

	static final String OPERATOR = "operator";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService users(AuthServerProperties properties, PasswordEncoder encoder) {
		return new InMemoryUserDetailsManager(user("c-1", properties.customerPassword(), CUSTOMER, encoder),
				user("c-2", properties.customerPassword(), CUSTOMER, encoder),
				user("operator", properties.operatorPassword(), OPERATOR, encoder));
	}

	private static User user(String name, String password, String role, PasswordEncoder encoder) {
		return (User) User.withUsername(name).password(encoder.encode(password)).roles(role).build();
	}

}
