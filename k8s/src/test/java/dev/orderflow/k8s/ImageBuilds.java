package dev.orderflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code docker build} commands a doc gives, each with its build arguments, tag and
 * context. A build in a loop over {@code module:port} pairs
 * ({@code for s in order-service:8080 ...; do}) counts once per pair, with
 * {@code ${s%:*}} read as the module and {@code ${s#*:}} as the port.
 */
record ImageBuilds(Path doc, List<ImageBuilds.Build> builds) {

	private static final Pattern LOOP = Pattern.compile("^for (\\w+) in ((?:[a-z-]+:[0-9]+\\s*)+); do$");

	private static final Pattern BUILD = Pattern.compile(
			"^docker build (?:-q )?--build-arg MODULE=(\\S+)\\s+--build-arg PORT=(\\S+)\\s+-t\\s+(\\S+)\\s+(\\S+)$");

	static ImageBuilds documented() {
		return of(Repository.root().resolve("docs/kubernetes.md"));
	}

	static ImageBuilds of(Path doc) {
		List<String> lines;
		try {
			lines = Files.readAllLines(doc).stream().map(String::strip).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Build> builds = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher loop = LOOP.matcher(line);
			if (loop.matches()) {
				String variable = loop.group(1);
				int end = lines.subList(i, lines.size()).indexOf("done") + i;
				for (String pair : loop.group(2).trim().split("\\s+")) {
					String[] modulePort = pair.split(":");
					for (String body : lines.subList(i + 1, end)) {
						String expanded = body.replace("${" + variable + "%:*}", modulePort[0])
							.replace("${" + variable + "#*:}", modulePort[1]);
						parse(doc, expanded).ifPresent(builds::add);
					}
				}
				i = end;
			}
			else {
				parse(doc, line).ifPresent(builds::add);
			}
		}
		return new ImageBuilds(doc, List.copyOf(builds));
	}

	private static Optional<Build> parse(Path doc, String line) {
		if (!line.startsWith("docker build")) {
			return Optional.empty();
		}
		Matcher build = BUILD.matcher(line);
		if (!build.matches()) {
			throw new AssertionError(doc + " builds an image without the Dockerfile's MODULE and PORT: " + line);
		}
		return Optional.of(new Build(build.group(1), build.group(2), build.group(3), build.group(4)));
	}

	/** The build arguments the doc gives the module's image. */
	Map<String, String> forModule(String module) {
		return this.builds.stream()
			.filter((b) -> b.module().equals(module))
			.findFirst()
			.map((b) -> Map.of("MODULE", b.module(), "PORT", b.port()))
			.orElseThrow(() -> new AssertionError(this.doc + " gives no docker build for " + module));
	}

	/**
	 * One {@code docker build}: its two build arguments, its tag and its context
	 * directory.
	 */
	record Build(String module, String port, String tag, String context) {
	}

}
