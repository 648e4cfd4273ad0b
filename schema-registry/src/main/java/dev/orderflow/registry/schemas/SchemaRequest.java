package dev.orderflow.registry.schemas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of register, lookup and compatibility requests, as Confluent's clients send it.
 * {@code id} and {@code version} are honoured only in IMPORT mode.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaRequest(String schema, String schemaType, List<Object> references, Integer id,
		Integer version) {
}
