package dev.orderflow.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The relative links of Markdown files (inline links, images and reference definitions),
 * checked as GitHub resolves them: the file or directory must exist and a {@code #anchor}
 * into a Markdown file must name one of its headings. Links with a scheme (https:,
 * mailto:) are not followed, and neither is anything inside code.
 */
final class MarkdownLinks {

	private static final Pattern INLINE = Pattern
		.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");

	private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");

	private static final Pattern FENCE = Pattern.compile("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[^\\n]*$");

	private static final Pattern CODE_SPAN = Pattern.compile("(`+)[^`].*?\\1", Pattern.DOTALL);

	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	private static final Pattern HEADING = Pattern.compile("(?m)^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

	private final Path root;

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	MarkdownLinks(Path root) {
		this.root = root;
	}

	/**
	 * The Markdown files git tracks; without git, every one under the root but build
	 * output.
	 */
	static List<Path> tracked(Path root) {
		try {
			Process git = new ProcessBuilder("git", "-C", root.toString(), "ls-files", "-z", "--", "*.md")
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0) {
				return Stream.of(out.split("\0"))
					.filter((f) -> !f.isEmpty())
					.map(root::resolve)
					.filter(Files::isRegularFile)
					.toList();
			}
			git.destroyForcibly();
		}
		catch (IOException ex) {
			// no git on this machine: walk the tree instead
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return walk(root);
	}

	private static List<Path> walk(Path root) {
		Set<String> skipped = Set.of("target", "node_modules", ".orderflow", ".git");
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((f) -> f.toString().endsWith(".md"))
				.filter((f) -> root.relativize(f).toString().isEmpty()
						|| Stream.of(root.relativize(f).toString().split("[/\\\\]")).noneMatch(skipped::contains))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Each dead link as "file: target (why)", in file order. */
	List<String> deadLinks(List<Path> files) {
		List<String> dead = new ArrayList<>();
		for (Path file : files) {
			for (String target : links(read(file))) {
				String why = problem(file, target);
				if (why != null) {
					dead.add(this.root.relativize(file) + ": " + target + " (" + why + ")");
				}
			}
		}
		return dead;
	}

	static List<String> links(String markdown) {
		String prose = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
		List<String> targets = new ArrayList<>();
		for (Pattern pattern : List.of(INLINE, REFERENCE)) {
			Matcher m = pattern.matcher(prose);
			while (m.find()) {
				String target = m.group(1);
				targets.add(target.startsWith("<") ? target.substring(1, target.length() - 1) : target);
			}
		}
		return targets;
	}

	private String problem(Path file, String target) {
		if (SCHEME.matcher(target).find() || target.startsWith("//")) {
			return null;
		}
		int hash = target.indexOf('#');
		String path = URLDecoder.decode((hash < 0) ? target : target.substring(0, hash), StandardCharsets.UTF_8);
		String anchor = (hash < 0) ? null : target.substring(hash + 1);
		Path resolved = path.isEmpty() ? file
				: (path.startsWith("/") ? this.root.resolve(path.substring(1)) : file.getParent().resolve(path))
					.normalize();
		if (!resolved.startsWith(this.root)) {
			return "outside the repository";
		}
		if (!Files.exists(resolved)) {
			return "no such file or directory";
		}
		if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
				&& !anchorsOf(resolved).contains(anchor.toLowerCase(Locale.ROOT))) {
			return "no heading #" + anchor + " in " + this.root.relativize(resolved);
		}
		return null;
	}

	private Set<String> anchorsOf(Path markdown) {
		return this.anchors.computeIfAbsent(markdown, (f) -> headingAnchors(read(f)));
	}

	/**
	 * GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats
	 * numbered.
	 */
	static Set<String> headingAnchors(String markdown) {
		Set<String> ids = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
		while (m.find()) {
			String text = m.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
			String id = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
			int n = seen.merge(id, 1, Integer::sum);
			ids.add((n == 1) ? id : id + "-" + (n - 1));
		}
		return ids;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
