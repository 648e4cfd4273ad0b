package dev.orderflow.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Chrome or Chromium and the chromedriver the console test drives, found the way a
 * user has them: {@code -Dorderflow.chromium} and {@code -Dorderflow.chromedriver} if
 * given, else on the PATH or where each OS installs them. On a fresh Debian machine, as
 * root, the missing packages are installed as CI does
 * ({@code apt-get install -y chromium chromium-driver}), so the README's
 * {@code ./mvnw verify} works as the first command; anywhere else a missing one fails
 * with the command that installs it on that OS.
 */
record BrowserBinaries(Path browser, Path driver) {

	private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable", "chrome.exe");

	private static final List<String> DRIVERS = List.of("chromedriver", "chromedriver.exe");

	private static final List<String> INSTALLED_BROWSERS = List.of("/usr/bin/chromium",
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Chromium.app/Contents/MacOS/Chromium",
			System.getenv().getOrDefault("ProgramFiles", "C:\\Program Files")
					+ "\\Google\\Chrome\\Application\\chrome.exe");

	private static final List<String> APT_PACKAGES = List.of("chromium", "chromium-driver");

	/** What the lookup depends on, so that it can be tried on any OS. */
	record Machine(String os, String path, boolean root, Optional<Path> aptGet, Optional<String> browserProperty,
			Optional<String> driverProperty) {

		static Machine current() {
			Path aptGet = Path.of("/usr/bin/apt-get");
			return new Machine(System.getProperty("os.name", ""), System.getenv().getOrDefault("PATH", ""),
					"root".equals(System.getProperty("user.name")),
					Files.isExecutable(aptGet) ? Optional.of(aptGet) : Optional.empty(),
					Optional.ofNullable(System.getProperty("orderflow.chromium")),
					Optional.ofNullable(System.getProperty("orderflow.chromedriver")));
		}

		boolean linux() {
			return this.os.toLowerCase(Locale.ROOT).startsWith("linux");
		}
	}

	/**
	 * Finds both, installing Debian's packages first when that is possible; else says
	 * how.
	 */
	static BrowserBinaries findOrInstall(Path installLog) {
		Machine machine = Machine.current();
		Optional<BrowserBinaries> found = find(machine);
		if (found.isEmpty() && machine.linux() && machine.root() && machine.aptGet().isPresent()) {
			aptGetInstall(machine.aptGet().get(), installLog);
			found = find(machine);
		}
		return found.orElseThrow(() -> new IllegalStateException(missing(machine)));
	}

	static Optional<BrowserBinaries> find(Machine machine) {
		Optional<Path> browser = machine.browserProperty()
			.map(Path::of)
			.filter(Files::isExecutable)
			.or(() -> onPath(machine.path(), BROWSERS))
			.or(() -> INSTALLED_BROWSERS.stream().map(Path::of).filter(Files::isExecutable).findFirst());
		Optional<Path> driver = machine.driverProperty()
			.map(Path::of)
			.filter(Files::isExecutable)
			.or(() -> onPath(machine.path(), DRIVERS));
		return browser.flatMap((b) -> driver.map((d) -> new BrowserBinaries(b, d)));
	}

	/**
	 * The message for a machine without them: what to install, with this OS's command.
	 */
	static String missing(Machine machine) {
		String os = machine.os().toLowerCase(Locale.ROOT);
		String how;
		if (os.startsWith("mac")) {
			how = "brew install --cask google-chrome chromedriver (or: brew install --cask chromium chromedriver)";
		}
		else if (os.startsWith("windows")) {
			how = "install Google Chrome and put the matching chromedriver.exe on PATH "
					+ "(https://googlechromelabs.github.io/chrome-for-testing/)";
		}
		else if (machine.aptGet().isPresent()) {
			how = (machine.root() ? "" : "sudo ") + "apt-get install -y " + String.join(" ", APT_PACKAGES);
		}
		else {
			how = "install Chromium and its chromedriver with your package manager";
		}
		return "ConsoleBrowserTest needs Chrome or Chromium and chromedriver, did not find both on PATH or at "
				+ "-Dorderflow.chromium / -Dorderflow.chromedriver: " + how;
	}

	private static Optional<Path> onPath(String path, List<String> names) {
		for (String dir : path.split(File.pathSeparator)) {
			for (String name : names) {
				if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
					return Optional.of(Path.of(dir, name));
				}
			}
		}
		return Optional.empty();
	}

	private static void aptGetInstall(Path aptGet, Path log) {
		List<String> update = List.of(aptGet.toString(), "update", "-q");
		List<String> install = new ArrayList<>(List.of(aptGet.toString(), "install", "-y", "-q"));
		install.addAll(APT_PACKAGES);
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			for (List<String> command : List.of(update, install)) {
				ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
				builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
				int exit = BoundedCommand.run(builder, Duration.ofMinutes(10),
						String.join(" ", command) + "; see " + log);
				if (exit != 0) {
					throw new IllegalStateException(
							String.join(" ", command) + " failed (exit " + exit + "); see " + log);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run apt-get to install " + APT_PACKAGES + ": " + ex.getMessage(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
