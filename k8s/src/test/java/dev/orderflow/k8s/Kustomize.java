package dev.orderflow.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders a kustomization with {@code kubectl kustomize}, the same renderer
 * {@code kubectl apply -k} uses, so what the tests read is what a cluster would receive.
 * Each directory is rendered once per JVM.
 */
final class Kustomize {

	static final String KUBECTL_MISSING = "kubectl not found: install it (apt-get install -y kubectl, or see "
			+ "https://kubernetes.io/docs/tasks/tools/) so the build can render k8s/ with `kubectl kustomize`";

	private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();

	private Kustomize() {
	}

	static String render(Path kustomization) {
		return RENDERED.computeIfAbsent(kustomization.toAbsolutePath().normalize(), Kustomize::run);
	}

	private static String run(Path dir) {
		Process process;
		try {
			process = new ProcessBuilder(kubectl(), "kustomize", dir.toString()).start();
		}
		catch (IOException ex) {
			throw new AssertionError(KUBECTL_MISSING, ex);
		}
		// read both streams while the process runs, so a full pipe can never block it
		CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("kubectl kustomize " + dir + " did not finish within 60 s");
			}
			if (process.exitValue() != 0) {
				throw new AssertionError("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
						+ err.get(10, TimeUnit.SECONDS));
			}
			return out.get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while rendering " + dir, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("could not read the output of kubectl kustomize " + dir, ex);
		}
	}

	/** kubectl from the PATH; a plain message when there is none. */
	private static String kubectl() {
		return kubectl(System.getenv().getOrDefault("PATH", ""));
	}

	static String kubectl(String path) {
		for (String dir : path.split(java.io.File.pathSeparator)) {
			if (dir.isBlank()) {
				continue;
			}
			for (String name : new String[] { "kubectl", "kubectl.exe" }) {
				Path candidate = Path.of(dir).resolve(name);
				if (Files.isExecutable(candidate)) {
					return candidate.toString();
				}
			}
		}
		throw new AssertionError(KUBECTL_MISSING);
	}

	private static String read(InputStream in) {
		try (in) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
