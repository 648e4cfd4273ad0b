package dev.orderflow.registry.web;

import org.springframework.http.MediaType;

/**
 * The media types Confluent's registry speaks; the versioned one is the default answer.
 */
public final class RegistryMediaTypes {

	public static final MediaType V1_JSON = MediaType.parseMediaType("application/vnd.schemaregistry.v1+json");

	public static final MediaType JSON = MediaType.parseMediaType("application/vnd.schemaregistry+json");

	private RegistryMediaTypes() {
	}

}
