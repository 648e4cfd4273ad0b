package dev.orderflow.order.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of every HTTP request to order-service ({@code orderflow.http.*}).
 *
 * @param maxRequestBody {@code orderflow.http.max-request-body}: largest request body
 * accepted (default 64KB); larger ones are answered 413 before they are read
 */
@ConfigurationProperties("orderflow.http")
public record HttpLimits(@DefaultValue("64KB") DataSize maxRequestBody) {

}
