package dev.orderflow.order.web;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The limits of the HTTP API: their settings, the filter that caps request bodies and the
 * OpenAPI description that tells clients about them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OrderLimits.class, HttpLimits.class })
class OrderApiConfiguration {

	@Bean
	RequestBodyLimitFilter requestBodyLimitFilter(HttpLimits limits,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) {
		return new RequestBodyLimitFilter(limits, exceptionResolver);
	}

	@Bean
	ApiLimitsDocumentation apiLimitsDocumentation(OrderLimits orderLimits, HttpLimits httpLimits) {
		return new ApiLimitsDocumentation(orderLimits, httpLimits);
	}

}
