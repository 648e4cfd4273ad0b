package dev.orderflow.k8s;

import java.util.List;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes of our containers hit what the services really serve: the actuator's
 * liveness and readiness groups (exposed and enabled in each application.yml) on the port
 * each one listens on (server.port's default, as no overlay overrides SERVER_PORT), bound
 * to every interface.
 */
class ProbeTests {

	static final List<String> OVERLAYS = Repository.OVERLAYS;

	@ParameterizedTest
	@FieldSource("OVERLAYS")
	void probesHitTheActuatorHealthGroupsOnTheServicePort(String overlay) {
		Manifests manifests = Manifests.ofOverlay(overlay);
		for (String service : ContainerSecurityTests.services(overlay)) {
			ServiceConfig config = ServiceConfig.of(service);
			assertThat(config.value("management.endpoint.health.probes.enabled")).as(service).isEqualTo(true);
			assertThat(String.valueOf(config.value("management.endpoints.web.exposure.include"))).as(service)
				.contains("health");
			Container container = ContainerSecurityTests.orderflowContainer(manifests, service);
			Environment environment = Environment.of(manifests, container);
			// actuator on its own port where k8s/ moves it there (the services: 8090,
			// docs/security.md)
			int port = environment.value("MANAGEMENT_SERVER_PORT").map(Integer::parseInt).orElse(config.defaultPort());
			assertThat(environment.names()).as("%s must not move its port away from the probes", service)
				.doesNotContain("SERVER_PORT");
			assertThat(environment.value("SERVER_ADDRESS")).as("%s listens on every interface", service)
				.hasValue("0.0.0.0");

			assertHttpGet(service + " liveness", container, container.getLivenessProbe(), "/actuator/health/liveness",
					port);
			assertHttpGet(service + " readiness", container, container.getReadinessProbe(),
					"/actuator/health/readiness", port);
			assertHttpGet(service + " startup", container, container.getStartupProbe(), "/actuator/health/liveness",
					port);

			ServicePort servicePort = manifests.get(Service.class, service).getSpec().getPorts().get(0);
			assertThat(resolve(container, servicePort.getTargetPort())).as("%s Service targetPort", service)
				.isEqualTo(config.defaultPort());
		}
	}

	private static void assertHttpGet(String what, Container container, Probe probe, String path, int port) {
		assertThat(probe).as(what).isNotNull();
		assertThat(probe.getHttpGet()).as(what + " is an HTTP GET").isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
		assertThat(resolve(container, probe.getHttpGet().getPort())).as(what + " port").isEqualTo(port);
	}

	/** A port given by number or by the name of one of the container's ports. */
	static int resolve(Container container, IntOrString port) {
		if (port.getIntVal() != null) {
			return port.getIntVal();
		}
		return container.getPorts()
			.stream()
			.filter((p) -> port.getStrVal().equals(p.getName()))
			.map(ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError(container.getName() + " has no port named " + port.getStrVal()));
	}

}
