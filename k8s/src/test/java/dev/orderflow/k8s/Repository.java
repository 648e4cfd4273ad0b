package dev.orderflow.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where things are in the repository, seen from the k8s module (Maven runs tests in the
 * module's directory).
 */
final class Repository {

	/**
	 * The services k8s/ deploys from our own images, with the module directory of each.
	 */
	static final List<String> SERVICES = List.of("schema-registry", "auth-server", "order-service", "inventory-service",
			"notification-service");

	/**
	 * Our authorization server: deployed by base and the local overlay, replaced by an
	 * external issuer in production.
	 */
	static final String AUTH_SERVER = "auth-server";

	static final List<String> OVERLAYS = List.of("local", "production");

	private Repository() {
	}

	static Path root() {
		Path here = Path.of("").toAbsolutePath();
		for (Path dir = here; dir != null; dir = dir.getParent()) {
			if (Files.isDirectory(dir.resolve("k8s/base")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No repository root with k8s/base above " + here);
	}

	static Path k8s() {
		return root().resolve("k8s");
	}

	static Path overlay(String name) {
		return k8s().resolve("overlays").resolve(name);
	}

	static Path module(String service) {
		return root().resolve(service);
	}

}
