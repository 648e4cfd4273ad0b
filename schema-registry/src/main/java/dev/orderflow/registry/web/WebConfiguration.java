package dev.orderflow.registry.web;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Speaks Confluent's media types: answers in
 * {@code application/vnd.schemaregistry.v1+json} unless the client asks for plain JSON,
 * and reads JSON bodies whatever content type the client declares
 * ({@code application/octet-stream} included, as curl and Confluent's clients sometimes
 * send).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final JsonMapper jsonMapper;

	WebConfiguration(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		JacksonJsonHttpMessageConverter registry = new JacksonJsonHttpMessageConverter(this.jsonMapper);
		registry.setSupportedMediaTypes(List.of(RegistryMediaTypes.V1_JSON, RegistryMediaTypes.JSON,
				MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM));
		converters.add(0, registry);
	}

}
