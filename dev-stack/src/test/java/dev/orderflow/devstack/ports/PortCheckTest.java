package dev.orderflow.devstack.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.PortsInUseException;
import dev.orderflow.devstack.StackPorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortCheckTest {

	@Test
	void namesThePortItsPurposeAndTheHolder() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			List<PortConflict> conflicts = PortCheck.conflicts(Map.of(port, "Kafka broker (PLAINTEXT)"));

			assertThat(conflicts).singleElement().satisfies((conflict) -> {
				assertThat(conflict.port()).isEqualTo(port);
				assertThat(conflict.message()).contains("port " + port, "Kafka broker (PLAINTEXT)", "already in use");
				if (Files.isReadable(Path.of("/proc/net/tcp"))) {
					// Linux: the holder is found through /proc, and it is this very JVM
					assertThat(conflict.holder()).hasValueSatisfying(
							(holder) -> assertThat(holder.pid()).isEqualTo(ProcessHandle.current().pid()));
				}
			});
		}
	}

	@Test
	void freePortsAreNoConflict() {
		assertThat(PortCheck.conflicts(Map.of(PortCheck.freePort(), "anything"))).isEmpty();
	}

	@Test
	void stackStartsNothingWhenAPortIsTaken(@TempDir Path dataDir) throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			StackPorts ports = new StackPorts(PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
					PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), taken.getLocalPort());
			LocalStack stack = LocalStack.builder().dataDir(dataDir).ports(ports).components(Component.SMTP).build();

			assertThatThrownBy(stack::start).isInstanceOf(PortsInUseException.class)
				.hasMessageContaining("port " + taken.getLocalPort())
				.hasMessageContaining("SMTP catcher");
			assertThat(LocalStack.running(stack.dataDir())).isEmpty();
			assertThat(dataDir.resolve("run/smtp.pid")).doesNotExist();
		}
	}

}
