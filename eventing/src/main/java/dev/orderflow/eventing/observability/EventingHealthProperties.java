package dev.orderflow.eventing.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts of the broker and registry health checks ({@code orderflow.health.*}). They
 * are shown under {@code /actuator/health}, not in readiness (ADR 0009); keep them short
 * anyway, so a stopped broker shows DOWN at once instead of hanging the request. And how
 * long a consumer may wait on the database before its health says DOWN.
 *
 * @param kafkaTimeout how long the broker may take to describe its cluster
 * @param schemaRegistryTimeout how long the registry may take to list its subjects
 * @param databaseWaitLimit how long a consumer may wait on the database for one record
 * before {@code consumerRetries} says DOWN (and readiness with it): far longer than a
 * lock timeout
 */
@ConfigurationProperties("orderflow.health")
public record EventingHealthProperties(@DefaultValue("2s") Duration kafkaTimeout,
		@DefaultValue("2s") Duration schemaRegistryTimeout, @DefaultValue("1m") Duration databaseWaitLimit) {
}
