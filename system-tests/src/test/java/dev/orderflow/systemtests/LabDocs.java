package dev.orderflow.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import dev.orderflow.devstack.DataDir;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackProcess;
import dev.orderflow.devstack.process.CommandLines;
import dev.orderflow.devstack.process.ManagedProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Docs under test: runs the {@code ```bash lab-run} blocks of some labs in docs/labs/
 * against a packaged stack of their own, in order, in one shell state (variables carry
 * over), and compares what each prints with the {@code ```text lab-expect} block that
 * follows it. Each expected line must match an output line, in order; {@code <orderId>}
 * stands for a UUID, {@code …} for any text. So a lab whose commands or outputs drift
 * from the code fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LabDocs {

	static final Path REPO = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern BLOCK = Pattern.compile("```bash lab-run\\n(.*?)```\\s*```text lab-expect\\n(.*?)```",
			Pattern.DOTALL);

	private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^([A-Za-z_][A-Za-z0-9_]*)=");

	private LocalStack stack;

	private Path state;

	/**
	 * The lab files, run in this order against one stack; a lab listed twice runs twice.
	 */
	abstract List<String> labs();

	/** The name of the stack's data directory under target/. */
	abstract String stackName();

	/** How long one block may run: a block that starts processes needs longer. */
	long blockTimeoutSeconds() {
		return 90;
	}

	/**
	 * The stack the blocks run against: by default a packaged stack of its own, started.
	 */
	LocalStack stack() {
		return PackagedStack.start(stackName());
	}

	/**
	 * Done with the stack, whose processes have stopped already: by default it was the
	 * class's own.
	 */
	void release(LocalStack stack) {
		stack.stop();
	}

	/**
	 * The directory the blocks run in: the repository, unless a lab works on a copy of
	 * it.
	 */
	Path repo() {
		return REPO;
	}

	/** Variables the blocks need beyond {@code ORDERFLOW_HOME}. */
	void environment(Map<String, String> environment) {
	}

	/**
	 * Processes a lab starts by hand record their pid in these files of the data
	 * directory (lab 04's second instance); each maps to a word of the process's command
	 * line that proves it ours.
	 */
	Map<String, String> labPidFiles() {
		return Map.of("lab04/notification-service.pid", "notification-service");
	}

	@BeforeAll
	void startStack() throws IOException {
		this.stack = stack();
		this.state = Files.createTempFile("lab-state", ".sh");
	}

	@AfterAll
	void stopStack() throws IOException {
		if (this.stack != null) {
			stopRunning(this.stack.dataDir());
			release(this.stack);
			labPidFiles().forEach(this::killLeftOver);
		}
		Files.deleteIfExists(this.state);
	}

	/**
	 * Stops every process running on the data directory as {@code ./orderflow down} does:
	 * a lab may have started them itself ({@code ./orderflow up -d}), so they are not
	 * this stack's children. The services stop before the broker, or each would wait at
	 * shutdown for a broker that has gone.
	 */
	private static void stopRunning(DataDir dataDir) {
		Map<StackProcess, ProcessHandle> running = LocalStack.running(dataDir);
		for (List<StackProcess> together : LocalStack.stopWaves(running.keySet())) {
			together.forEach((process) -> PackagedStack
				.print("  stopping " + process + " (pid " + running.get(process).pid() + ")"));
			ManagedProcess.stopTogether(together.stream().map(running::get).toList(), LocalStack.STOP_GRACE);
		}
	}

	@TestFactory
	Stream<DynamicTest> everyLabRunBlockPrintsWhatTheLabShows() throws IOException {
		List<DynamicTest> tests = new ArrayList<>();
		Map<String, Integer> runs = new HashMap<>();
		for (String lab : labs()) {
			String markdown = Files.readString(REPO.resolve("docs/labs").resolve(lab));
			List<Step> steps = steps(markdown);
			assertThat(steps).as("lab-run blocks in " + lab).isNotEmpty();
			// a lab listed twice runs twice: its second run shows it can be repeated
			int run = runs.merge(lab, 1, Integer::sum);
			String name = (run == 1) ? lab : lab + " (run " + run + ")";
			for (int i = 0; i < steps.size(); i++) {
				Step step = steps.get(i);
				tests.add(DynamicTest.dynamicTest(name + " block " + (i + 1), () -> runAndCompare(step)));
			}
		}
		return tests.stream();
	}

	/** One command block and the output the lab shows for it. */
	record Step(String commands, List<String> expected) {
	}

	static List<Step> steps(String markdown) {
		List<Step> steps = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(markdown);
		while (matcher.find()) {
			steps.add(new Step(matcher.group(1), matcher.group(2).lines().filter((l) -> !l.isBlank()).toList()));
		}
		return steps;
	}

	private void runAndCompare(Step step) throws IOException, InterruptedException {
		String output = run(step.commands());
		List<String> lines = output.lines().toList();
		int from = 0;
		for (String expected : step.expected()) {
			Pattern pattern = pattern(expected);
			int found = -1;
			for (int i = from; i < lines.size() && found < 0; i++) {
				if (pattern.matcher(lines.get(i)).find()) {
					found = i;
				}
			}
			if (found < 0) {
				fail("The lab shows\n  " + expected + "\nbut after line " + from + " the commands\n" + step.commands()
						+ "printed\n" + output);
			}
			from = found + 1;
		}
	}

	private String run(String commands) throws IOException, InterruptedException {
		Set<String> variables = new LinkedHashSet<>();
		Matcher assignment = ASSIGNMENT.matcher(commands);
		while (assignment.find()) {
			variables.add(assignment.group(1));
		}
		String save = variables.isEmpty() ? ""
				: "declare -p " + String.join(" ", variables) + " >> '" + this.state + "'\n";
		String script = "source '" + this.state + "'\n" + commands + save;
		Path log = Files.createTempFile("lab-output", ".txt");
		try {
			ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(repo().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			// ./orderflow commands (mail, lab check, kill, up) must use this test's
			// stack, not the user's .orderflow/
			builder.environment().put("ORDERFLOW_HOME", this.stack.dataDir().root().toString());
			environment(builder.environment());
			BoundedCommand.run(builder, Duration.ofSeconds(blockTimeoutSeconds()), "the lab block\n" + commands);
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	/**
	 * A process a failed lab left running (e.g. a paused second instance): SIGKILL it by
	 * its recorded pid.
	 */
	private void killLeftOver(String pidFile, String commandLineMarker) {
		Path file = this.stack.dataDir().root().resolve(pidFile);
		Optional<ProcessHandle> process;
		try {
			process = Files.isRegularFile(file) ? ProcessHandle.of(Long.parseLong(Files.readString(file).trim()))
					: Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			process = Optional.empty();
		}
		// pids get reused: only a java process started from this repository's jars is
		// ours
		process.filter(ProcessHandle::isAlive)
			.filter((handle) -> CommandLines.of(handle.pid()).orElse("").contains(commandLineMarker))
			.ifPresent(ProcessHandle::destroyForcibly);
	}

	/**
	 * An expected line as a regular expression: placeholders become wildcards, blanks
	 * flexible.
	 */
	static Pattern pattern(String expected) {
		StringBuilder regex = new StringBuilder();
		Matcher tokens = Pattern.compile("<orderId>|…|\\s+").matcher(expected);
		int last = 0;
		while (tokens.find()) {
			regex.append(Pattern.quote(expected.substring(last, tokens.start())));
			regex.append(switch (tokens.group()) {
				case "<orderId>" -> "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
				case "…" -> ".*";
				default -> "\\s+";
			});
			last = tokens.end();
		}
		regex.append(Pattern.quote(expected.substring(last)));
		return Pattern.compile(regex.toString());
	}

}
