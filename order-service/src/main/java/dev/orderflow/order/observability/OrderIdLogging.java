package dev.orderflow.order.observability;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the {@code {orderId}} of {@code /api/orders/{orderId}/...} requests into the
 * logging context as {@code orderId}, the same key the Kafka listeners use, so one grep
 * finds an order's lines in every service.
 */
@Configuration(proxyBeanMethods = false)
class OrderIdLogging implements WebMvcConfigurer {

	static final String MDC_KEY = "orderId";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
						&& variables.get("orderId") instanceof String id) {
					MDC.put(MDC_KEY, id);
				}
				return true;
			}

			@Override
			public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
					Exception ex) {
				MDC.remove(MDC_KEY);
			}

		}).addPathPatterns("/api/orders/**");
	}

}
