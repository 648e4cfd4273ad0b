package dev.orderflow.k8s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The environment variables a container gets, with where each comes from: its own env,
 * the ConfigMaps and Secrets it imports. A Secret template without values names its keys
 * in the {@code orderflow.dev/keys} annotation, so those count too.
 */
record Environment(Map<String, Optional<String>> variables, Map<String, String> sources) {

	static final String SECRET_KEYS = "orderflow.dev/keys";

	static Environment of(Manifests manifests, Container container) {
		Map<String, Optional<String>> variables = new LinkedHashMap<>();
		Map<String, String> sources = new LinkedHashMap<>();
		for (EnvFromSource source : container.getEnvFrom()) {
			if (source.getConfigMapRef() != null) {
				String name = source.getConfigMapRef().getName();
				ConfigMap map = manifests.get(ConfigMap.class, name);
				map.getData().forEach((key, value) -> {
					variables.put(key, Optional.ofNullable(value));
					sources.put(key, "ConfigMap " + name);
				});
			}
			if (source.getSecretRef() != null) {
				String name = source.getSecretRef().getName();
				manifests.find(Secret.class, name).ifPresent((secret) -> {
					for (String key : secretKeys(secret)) {
						variables.put(key, Optional.empty());
						sources.put(key, "Secret " + name);
					}
				});
			}
		}
		for (EnvVar variable : container.getEnv()) {
			variables.put(variable.getName(), Optional.ofNullable(variable.getValue()));
			sources.put(variable.getName(), "env of " + container.getName());
		}
		return new Environment(variables, sources);
	}

	static Set<String> secretKeys(Secret secret) {
		Set<String> keys = new java.util.LinkedHashSet<>();
		if (secret.getData() != null) {
			keys.addAll(secret.getData().keySet());
		}
		if (secret.getStringData() != null) {
			keys.addAll(secret.getStringData().keySet());
		}
		String annotated = (secret.getMetadata().getAnnotations() != null)
				? secret.getMetadata().getAnnotations().get(SECRET_KEYS) : null;
		if (annotated != null) {
			for (String key : annotated.split(",")) {
				keys.add(key.strip());
			}
		}
		return keys;
	}

	Set<String> names() {
		return this.variables.keySet();
	}

	Optional<String> value(String name) {
		return this.variables.getOrDefault(name, Optional.empty());
	}

}
