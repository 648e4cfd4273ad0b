package dev.orderflow.registry.web;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Confluent's error body, e.g. {@code {"error_code":40401,"message":"Subject 'x' not
 * found."}}.
 */
public record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {
}
