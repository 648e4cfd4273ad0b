package dev.orderflow.k8s;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rendering needs kubectl; without it the build says so plainly instead of skipping the
 * checks.
 */
class KustomizeTests {

	@Test
	void saysPlainlyWhenKubectlIsMissing(@TempDir Path empty) {
		assertThatThrownBy(() -> Kustomize.kubectl(empty.toString())).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("kubectl not found: install it (apt-get install -y kubectl");
	}

	@Test
	void reportsWhatKustomizeRefuses(@TempDir Path broken) throws Exception {
		java.nio.file.Files.writeString(broken.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");
		assertThatThrownBy(() -> Kustomize.render(broken)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("kubectl kustomize")
			.hasMessageContaining("missing.yaml");
	}

	@Test
	void rendersTheBaseOnItsOwn() {
		Manifests base = Manifests.parse(Kustomize.render(Repository.k8s().resolve("base")));
		assertThat(base.workloads()).extracting(Manifests.Workload::name)
			.containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
	}

}
