package dev.orderflow.notification.console;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the console's proxy finds the other services ({@code orderflow.console.*}).
 *
 * @param orderServiceUrl base URL of order-service
 * @param inventoryServiceUrl base URL of inventory-service
 * @param connectTimeout how long to wait for a connection before calling a service
 * unreachable
 * @param readTimeout how long to wait for an answer
 * @param clientId the console's public client at the authorization server
 */
@ConfigurationProperties("orderflow.console")
public record ConsoleProperties(@DefaultValue("http://127.0.0.1:8080") String orderServiceUrl,
		@DefaultValue("http://127.0.0.1:8082") String inventoryServiceUrl, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("orderflow-console") String clientId) {

}
