package dev.orderflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's one Dockerfile read as its instructions for one service (comments
 * dropped, continuation lines joined, {@code ${ARG}} replaced by the build arguments
 * docs/kubernetes.md gives that service), enough to check an image's shape without
 * Docker.
 */
record Dockerfile(String service, List<Instruction> instructions) {

	private static final Pattern ARGUMENT = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

	static Path file() {
		return Repository.root().resolve("Dockerfile");
	}

	static Dockerfile of(String service) {
		Map<String, String> arguments = ImageBuilds.documented().forModule(service);
		try {
			return new Dockerfile(service,
					parse(Files.readAllLines(file())).stream()
						.map((i) -> new Instruction(i.keyword(), substitute(i.arguments(), arguments)))
						.toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String substitute(String text, Map<String, String> arguments) {
		return ARGUMENT.matcher(text)
			.replaceAll((m) -> Matcher.quoteReplacement(arguments.getOrDefault(m.group(1), m.group())));
	}

	static List<Instruction> parse(List<String> lines) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String raw : lines) {
			String line = raw.strip();
			if (line.startsWith("#") || (line.isEmpty() && pending.length() == 0)) {
				continue;
			}
			boolean continues = line.endsWith("\\");
			pending.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
			if (!continues) {
				String text = pending.toString().strip();
				pending.setLength(0);
				int space = text.indexOf(' ');
				instructions.add(new Instruction(text.substring(0, space).toUpperCase(Locale.ROOT),
						text.substring(space + 1).strip()));
			}
		}
		return instructions;
	}

	/** The instructions of the last stage, the one that becomes the image. */
	List<Instruction> finalStage() {
		int last = 0;
		for (int i = 0; i < this.instructions.size(); i++) {
			if (this.instructions.get(i).is("FROM")) {
				last = i;
			}
		}
		return this.instructions.subList(last, this.instructions.size());
	}

	Optional<String> last(String keyword, List<Instruction> stage) {
		return stage.stream().filter((i) -> i.is(keyword)).reduce((a, b) -> b).map(Instruction::arguments);
	}

	List<Instruction> all(String keyword) {
		return this.instructions.stream().filter((i) -> i.is(keyword)).toList();
	}

	/** One instruction: its keyword and the rest of its (joined) line. */
	record Instruction(String keyword, String arguments) {

		boolean is(String name) {
			return this.keyword.equals(name);
		}
	}

}
