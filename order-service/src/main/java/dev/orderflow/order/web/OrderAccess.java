package dev.orderflow.order.web;

import dev.orderflow.eventing.security.ApiRules;
import dev.orderflow.eventing.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the orders API (ADR 0016): customers place and cancel orders, customers
 * and operators read them. Which orders a customer sees is the controller's business:
 * only their own; another customer's order answers 404, as if it did not exist.
 */
@Configuration(proxyBeanMethods = false)
class OrderAccess {

	@Bean
	ApiRules orderRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/orders", "/api/orders/*/cancel")
			.hasRole(Caller.CUSTOMER)
			.requestMatchers(HttpMethod.GET, "/api/orders", "/api/orders/*")
			.hasAnyRole(Caller.CUSTOMER, Caller.OPERATOR);
	}

}
