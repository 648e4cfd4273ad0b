package dev.orderflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.Installation;
import dev.orderflow.devstack.LocalStack;

/**
 * Like {@link PackagedStack}, but the services run from copies of their jars taken when
 * the test starts. A test that restarts services must restart the same build: a jar
 * rebuilt in the meantime (by another build in the same tree) would otherwise be started
 * instead, or break the classes a running service still loads from it.
 * <p>
 * The copies keep their jars' modification times, so a later run of the same build finds
 * their extraction ({@code ServiceJvm}) done. They record no start-up cache: no other
 * stack starts them, and each service would spend seconds writing it at every stop.
 */
final class SnapshotStack {

	private SnapshotStack() {
	}

	/**
	 * Where the stack called {@code name} runs {@code service} from: replacing it there
	 * upgrades the service.
	 */
	static Path jarOf(String name, Component service) {
		Installation built = Installation.locate();
		Path snapshot = Path.of("target", name + "-jars").toAbsolutePath();
		return snapshot.resolve(built.repoRoot().relativize(built.jarOf(service)));
	}

	static LocalStack start(String name) {
		return start(name, (builder) -> builder);
	}

	/**
	 * As {@link #start(String)}, with more settings (a topology, environment for a
	 * service).
	 */
	static LocalStack start(String name, java.util.function.UnaryOperator<LocalStack.Builder> settings) {
		SharedStack.stop();
		Installation built = Installation.locate();
		Path snapshot = Path.of("target", name + "-jars").toAbsolutePath();
		for (Component component : Component.values()) {
			if (component.isService()) {
				copy(built.jarOf(component), snapshot.resolve(built.repoRoot().relativize(built.jarOf(component))));
			}
		}
		LocalStack stack = settings
			.apply(LocalStack.builder()
				.installation(new Installation(snapshot, built.libDir(), built.ownCode()))
				.dataDir(Path.of("target", name).toAbsolutePath())
				.recordStartupCache(false)
				.readyTimeout(Duration.ofMinutes(3))
				.progress(PackagedStack::print))
			.build();
		stack.dataDir().wipe();
		stack.start();
		return stack;
	}

	private static void copy(Path jar, Path copy) {
		try {
			Files.createDirectories(copy.getParent());
			Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + jar + " (is it built?)", ex);
		}
	}

}
