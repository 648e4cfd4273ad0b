package dev.orderflow.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every container of every overlay has a pinned image, requests and limits, and a
 * restricted security context: non-root, read-only root filesystem, no privilege
 * escalation, no capabilities, the runtime's seccomp profile. Our own containers also run
 * as UID 10001 (the images' USER) with a scratch /tmp.
 */
class ContainerSecurityTests {

	static final List<String> OVERLAYS = Repository.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyContainerHasAPinnedImageAndRequestsAndLimits(String overlay) {
		List<String> problems = new ArrayList<>();
		for (Manifests.Workload workload : Manifests.ofOverlay(overlay).workloads()) {
			for (Container container : RenderingTests.containers(workload.template().getSpec())) {
				String where = workload + " container " + container.getName();
				String image = container.getImage();
				if (image == null || image.isBlank() || !image.contains(":") || image.endsWith(":latest")) {
					problems.add(where + ": image " + image + " is not pinned to a tag");
				}
				var resources = container.getResources();
				for (String resource : List.of("cpu", "memory")) {
					if (resources == null || !has(resources.getRequests(), resource)) {
						problems.add(where + ": no " + resource + " request");
					}
					if (resources == null || !has(resources.getLimits(), resource)) {
						problems.add(where + ": no " + resource + " limit");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void everyContainerRunsRestricted(String overlay) {
		List<String> problems = new ArrayList<>();
		for (Manifests.Workload workload : Manifests.ofOverlay(overlay).workloads()) {
			PodSpec pod = workload.template().getSpec();
			PodSecurityContext podContext = pod.getSecurityContext();
			if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
				problems.add(workload + ": mounts a service account token");
			}
			if (podContext == null || podContext.getSeccompProfile() == null
					|| !"RuntimeDefault".equals(podContext.getSeccompProfile().getType())) {
				problems.add(workload + ": pod seccompProfile is not RuntimeDefault");
			}
			for (Container container : RenderingTests.containers(pod)) {
				String where = workload + " container " + container.getName();
				SecurityContext context = container.getSecurityContext();
				if (context == null) {
					problems.add(where + ": no securityContext");
					continue;
				}
				boolean nonRoot = Boolean.TRUE.equals(context.getRunAsNonRoot()) || (context.getRunAsNonRoot() == null
						&& podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
				if (!nonRoot) {
					problems.add(where + ": runAsNonRoot is not true");
				}
				if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
					problems.add(where + ": readOnlyRootFilesystem is not true");
				}
				if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
					problems.add(where + ": allowPrivilegeEscalation is not false");
				}
				if (context.getCapabilities() == null || !context.getCapabilities().getDrop().contains("ALL")) {
					problems.add(where + ": capabilities do not drop ALL");
				}
				if (context.getSeccompProfile() == null
						|| !"RuntimeDefault".equals(context.getSeccompProfile().getType())) {
					problems.add(where + ": seccompProfile is not RuntimeDefault");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void ourContainersRunAsTheImageUserWithAScratchTmp(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		for (String service : services(overlay)) {
			Container container = orderflowContainer(manifests, service);
			assertThat(container.getSecurityContext().getRunAsUser()).as(service).isEqualTo(10001L);
			VolumeMount tmp = container.getVolumeMounts()
				.stream()
				.filter((m) -> "/tmp".equals(m.getMountPath()))
				.findFirst()
				.orElseThrow(() -> new AssertionError(service + " has no volume at /tmp"));
			Volume volume = manifests.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, service)
				.getSpec()
				.getTemplate()
				.getSpec()
				.getVolumes()
				.stream()
				.filter((v) -> v.getName().equals(tmp.getName()))
				.findFirst()
				.orElseThrow();
			assertThat(volume.getEmptyDir()).as("/tmp of %s is an emptyDir", service).isNotNull();
		}
	}

	/**
	 * The services deployed from our own images in an overlay: all of them, except the
	 * authorization server in production, which uses an external issuer
	 * (docs/security.md).
	 */
	static List<String> services(String overlay) {
		return "production".equals(overlay)
				? Repository.SERVICES.stream().filter((service) -> !Repository.AUTH_SERVER.equals(service)).toList()
				: Repository.SERVICES;
	}

	/**
	 * The container running our image of a service, found by image name wherever the
	 * overlay pushes it.
	 */
	static Container orderflowContainer(Manifests manifests, String service) {
		return manifests.workloads()
			.stream()
			.flatMap((w) -> w.template().getSpec().getContainers().stream())
			.filter((c) -> c.getImage() != null && c.getImage().matches("(.*/)?orderflow/" + service + ":.+"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container runs orderflow/" + service));
	}

	private static boolean has(Map<String, Quantity> quantities, String resource) {
		return quantities != null && quantities.get(resource) != null && !quantities.get(resource).toString().isBlank();
	}

}
