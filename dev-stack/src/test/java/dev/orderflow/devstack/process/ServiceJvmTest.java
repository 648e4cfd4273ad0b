package dev.orderflow.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJvmTest {

	@TempDir
	Path cacheDir;

	@Test
	void onJdk17TheFirstRunRecordsACdsArchiveAndLaterRunsUseIt() throws IOException {
		ServiceJvm jdk17 = new ServiceJvm(17);
		assertThat(jdk17.cacheOptions(this.cacheDir))
			.containsExactly("-XX:ArchiveClassesAtExit=" + this.cacheDir.resolve("app.jsa"));
		Files.writeString(this.cacheDir.resolve("app.jsa"), "archive");
		assertThat(jdk17.cacheOptions(this.cacheDir))
			.containsExactly("-XX:SharedArchiveFile=" + this.cacheDir.resolve("app.jsa"));
	}

	@Test
	void onJdk25TheFirstRunRecordsAnAotCacheAndLaterRunsUseIt() throws IOException {
		ServiceJvm jdk25 = new ServiceJvm(25);
		assertThat(jdk25.cacheOptions(this.cacheDir))
			.containsExactly("-XX:AOTCacheOutput=" + this.cacheDir.resolve("app.aot"));
		Files.writeString(this.cacheDir.resolve("app.aot"), "cache");
		assertThat(jdk25.cacheOptions(this.cacheDir))
			.containsExactly("-XX:AOTCache=" + this.cacheDir.resolve("app.aot"));
	}

	@Test
	void onlyARunThatRecordsItsCacheGetsTheLongerGraceToWriteItWhenItStops() throws IOException {
		for (ServiceJvm jvm : new ServiceJvm[] { new ServiceJvm(17), new ServiceJvm(25) }) {
			assertThat(ServiceJvm.recordsCache("java " + String.join(" ", jvm.cacheOptions(this.cacheDir)) + " -jar x"))
				.isTrue();
		}
		Files.writeString(this.cacheDir.resolve("app.jsa"), "archive");
		Files.writeString(this.cacheDir.resolve("app.aot"), "cache");
		for (ServiceJvm jvm : new ServiceJvm[] { new ServiceJvm(17), new ServiceJvm(25) }) {
			assertThat(ServiceJvm.recordsCache("java " + String.join(" ", jvm.cacheOptions(this.cacheDir)) + " -jar x"))
				.isFalse();
		}
	}

	@Test
	void aJarThatCannotBeExtractedRunsAsItIsWithTheMemoryOptions(@TempDir Path target) throws IOException {
		Path notABootJar = Files.writeString(target.resolve("service.jar"), "not a jar");
		StringBuilder notes = new StringBuilder();
		assertThat(new ServiceJvm(17).launch(notABootJar, notes::append)).containsSubsequence("-Xmx128m",
				"-Djdk.nio.maxCachedBufferSize=0", "-jar", notABootJar.toString());
		assertThat(notes).contains("service.jar: no start-up cache");
	}

}
