package dev.orderflow.eventing.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of the readiness checks ({@code orderflow.health.*}). Keep them well below the
 * readiness probe's period and timeout, so a stopped broker turns readiness DOWN within one
 * probe instead of hanging it.
 *
 * @param kafkaTimeout how long the broker may take to describe its cluster
 * @param schemaRegistryTimeout how long the registry may take to list its subjects
 */
@ConfigurationProperties("orderflow.health")
public record EventingHealthProperties(@DefaultValue("2s") Duration kafkaTimeout,
		@DefaultValue("2s") Duration schemaRegistryTimeout) {
}
