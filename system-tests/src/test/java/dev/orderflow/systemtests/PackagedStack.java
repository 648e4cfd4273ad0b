package dev.orderflow.systemtests;

import java.nio.file.Path;
import java.time.Duration;

import dev.orderflow.devstack.LocalStack;

/**
 * The packaged stack as a user gets it from {@code ./orderflow up}: a real KRaft broker, the SMTP
 * catcher, the registry and the three services, each its own OS process on the ports of
 * DESIGN.md, with a fresh data directory under {@code target/}.
 */
final class PackagedStack {

	private PackagedStack() {
	}

	static LocalStack start(String name) {
		Path dataDir = Path.of("target", name).toAbsolutePath();
		LocalStack stack = LocalStack.builder()
			.dataDir(dataDir)
			.readyTimeout(Duration.ofMinutes(3))
			.progress((line) -> System.out.println("[stack] " + line))
			.build();
		stack.dataDir().wipe();
		stack.start();
		return stack;
	}

}
