package dev.orderflow.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the console test finds its browser, and what it tells a user who has none: the
 * command that installs it on their OS.
 */
class BrowserBinariesTest {

	@Test
	void findsChromeAndChromedriverOnThePath(@TempDir Path bin) throws IOException {
		Path chrome = executable(bin.resolve("google-chrome"));
		Path driver = executable(bin.resolve("chromedriver"));

		Optional<BrowserBinaries> found = BrowserBinaries.find(new BrowserBinaries.Machine("Linux", bin.toString(),
				false, Optional.empty(), Optional.empty(), Optional.empty()));

		assertThat(found).contains(new BrowserBinaries(chrome, driver));
	}

	@Test
	void explicitPathsWinOverThePath(@TempDir Path bin) throws IOException {
		executable(bin.resolve("chromium"));
		executable(bin.resolve("chromedriver"));
		Path ownChrome = executable(bin.resolve("my-chrome"));
		Path ownDriver = executable(bin.resolve("my-driver"));

		Optional<BrowserBinaries> found = BrowserBinaries.find(new BrowserBinaries.Machine("Linux", bin.toString(),
				false, Optional.empty(), Optional.of(ownChrome.toString()), Optional.of(ownDriver.toString())));

		assertThat(found).contains(new BrowserBinaries(ownChrome, ownDriver));
	}

	@Test
	void aBrowserWithoutItsDriverIsNotEnough(@TempDir Path bin) throws IOException {
		executable(bin.resolve("chromium"));

		assertThat(BrowserBinaries.find(new BrowserBinaries.Machine("Linux", bin.toString(), false, Optional.empty(),
				Optional.empty(), Optional.empty())))
			.isEmpty();
	}

	@Test
	void aMissingBrowserNamesTheInstallCommandOfEachOs() {
		assertThat(BrowserBinaries.missing(machine("Mac OS X", false, false)))
			.contains("brew install --cask google-chrome chromedriver");
		assertThat(BrowserBinaries.missing(machine("Windows 11", false, false))).contains("chromedriver.exe on PATH");
		assertThat(BrowserBinaries.missing(machine("Linux", false, true)))
			.contains("sudo apt-get install -y chromium chromium-driver");
		assertThat(BrowserBinaries.missing(machine("Linux", false, false))).contains("your package manager");
	}

	private static BrowserBinaries.Machine machine(String os, boolean root, boolean apt) {
		return new BrowserBinaries.Machine(os, "", root,
				apt ? Optional.of(Path.of("/usr/bin/apt-get")) : Optional.empty(), Optional.empty(), Optional.empty());
	}

	private static Path executable(Path file) throws IOException {
		Files.writeString(file, "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
		return file;
	}

}
