package dev.orderflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one Dockerfile, with the build arguments the docs give each service, builds the
 * image k8s/ runs: a JRE base, the layered jar, a numeric non-root user equal to the
 * pods' runAsUser, the port the service listens on, an entry point sized from the
 * container's memory. Docker is not needed: the file is read as instructions.
 */
class DockerfileTests {

	static final List<String> SERVICES = Repository.SERVICES;

	static final List<String> DOCS_THAT_BUILD_IMAGES = List.of("docs/kubernetes.md", "docs/labs/08-kind.md");

	@ParameterizedTest
	@FieldSource("DOCS_THAT_BUILD_IMAGES")
	void everyDocumentedBuildGivesEachServiceItsModuleItsPortAndItsTag(String doc) {
		ImageBuilds documented = ImageBuilds.of(Repository.root().resolve(doc));
		assertThat(documented.builds()).extracting(ImageBuilds.Build::module)
			.as("images %s builds", doc)
			.containsAll(SERVICES)
			.containsOnlyElementsOf(SERVICES);
		for (ImageBuilds.Build build : documented.builds()) {
			assertThat(build.port()).as("PORT of %s in %s", build.module(), doc)
				.isEqualTo(String.valueOf(ServiceConfig.of(build.module()).defaultPort()));
			assertThat(build.tag()).as("tag of %s in %s", build.module(), doc)
				.isEqualTo("orderflow/" + build.module() + ":0.1.0");
			assertThat(build.context()).as("context of %s in %s: the repository root", build.module(), doc)
				.isEqualTo(".");
		}
	}

	@Test
	void aBuildThatForgetsTheModuleOrThePortFailsInsteadOfGuessing() {
		assertThat(Dockerfile.parse(readLines(Dockerfile.file()))).filteredOn((i) -> i.is("ARG"))
			.extracting(Dockerfile.Instruction::arguments)
			.containsExactlyInAnyOrder("MODULE", "PORT");
		assertThat(SERVICES).as("no module keeps a Dockerfile of its own to drift from the shared one")
			.noneMatch((service) -> Files.exists(Repository.module(service).resolve("Dockerfile")));
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void buildsOnAJreBaseInTwoStages(String service) {
		Dockerfile dockerfile = Dockerfile.of(service);
		assertThat(dockerfile.all("FROM")).as("FROM of %s", service).hasSizeGreaterThanOrEqualTo(2);
		String base = dockerfile.finalStage().get(0).arguments();
		assertThat(base).as("final stage of %s", service).matches("eclipse-temurin:17-jre(\\s.*)?");
		assertThat(dockerfile.all("COPY")).extracting(Dockerfile.Instruction::arguments)
			.as("%s copies its own Boot jar", service)
			.anyMatch((args) -> args.startsWith(service + "/target/" + service + "-") && args.contains(".jar"));
		assertThat(dockerfile.all("RUN")).extracting(Dockerfile.Instruction::arguments)
			.as("%s extracts the jar's layers", service)
			.anyMatch((args) -> args.contains("-Djarmode=tools") && args.contains("extract --layers --launcher"));
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void runsAsTheNumericNonRootUserThePodsExpect(String service) {
		Dockerfile dockerfile = Dockerfile.of(service);
		String user = dockerfile.last("USER", dockerfile.finalStage())
			.orElseThrow(() -> new AssertionError(service + "'s image sets no USER: it would run as root"));
		String uid = user.split(":")[0];
		assertThat(uid).as("USER of %s must be numeric", service).matches("[0-9]+");
		assertThat(Integer.parseInt(uid)).as("USER of %s", service).isNotZero().isEqualTo(10001);
		Container container = ContainerSecurityTests.orderflowContainer(Manifests.ofOverlay("local"), service);
		assertThat(container.getSecurityContext().getRunAsUser()).as("runAsUser of %s", service)
			.isEqualTo(Long.parseLong(uid));
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void exposesThePortTheServiceListensOn(String service) {
		Dockerfile dockerfile = Dockerfile.of(service);
		int port = ServiceConfig.of(service).defaultPort();
		assertThat(dockerfile.last("EXPOSE", dockerfile.finalStage())).as("EXPOSE of %s", service)
			.hasValue(String.valueOf(port));
		Container container = ContainerSecurityTests.orderflowContainer(Manifests.ofOverlay("local"), service);
		// the API port first; a second one, if any, is actuator's management port
		// (docs/security.md)
		assertThat(container.getPorts()).extracting((p) -> p.getContainerPort()).first().isEqualTo(port);
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void startsTheLauncherWithHeapSizedFromTheContainerLimit(String service) {
		Dockerfile dockerfile = Dockerfile.of(service);
		String entrypoint = dockerfile.last("ENTRYPOINT", dockerfile.finalStage())
			.orElseThrow(() -> new AssertionError(service + "'s image has no ENTRYPOINT"));
		assertThat(entrypoint).as("exec form, so the JVM is PID 1 and gets SIGTERM").startsWith("[");
		assertThat(entrypoint).contains("\"-XX:MaxRAMPercentage=75\"")
			.contains("org.springframework.boot.loader.launch.JarLauncher");
		assertThat(dockerfile.all("HEALTHCHECK")).as("Kubernetes probes, not Docker's HEALTHCHECK").isEmpty();
	}

	@ParameterizedTest
	@FieldSource("SERVICES")
	void listensOnEveryInterfaceInAContainer(String service) {
		Dockerfile dockerfile = Dockerfile.of(service);
		assertThat(dockerfile.finalStage()).filteredOn((i) -> i.is("ENV"))
			.extracting(Dockerfile.Instruction::arguments)
			.as("%s defaults to 127.0.0.1, unreachable from outside its container", service)
			.contains("SERVER_ADDRESS=0.0.0.0");
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
