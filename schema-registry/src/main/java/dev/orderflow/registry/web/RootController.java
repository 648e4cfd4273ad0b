package dev.orderflow.registry.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} answers an empty object, as Confluent's registry does, so clients probing
 * the URL see a live registry.
 */
@RestController
class RootController {

	@GetMapping("/")
	Map<String, Object> root() {
		return Map.of();
	}

}
