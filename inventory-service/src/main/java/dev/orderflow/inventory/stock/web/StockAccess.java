package dev.orderflow.inventory.stock.web;

import dev.orderflow.eventing.security.ApiRules;
import dev.orderflow.eventing.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the stock API (ADR 0016): anyone signed in reads stock (a customer sees
 * what can be ordered, as in a shop); only an operator restocks.
 */
@Configuration(proxyBeanMethods = false)
class StockAccess {

	@Bean
	ApiRules stockRules() {
		return (requests) -> requests.requestMatchers(HttpMethod.POST, "/api/stock/*/restock")
			.hasRole(Caller.OPERATOR)
			.requestMatchers(HttpMethod.GET, "/api/stock", "/api/stock/*")
			.hasAnyRole(Caller.CUSTOMER, Caller.OPERATOR);
	}

}
