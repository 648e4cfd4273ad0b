package dev.orderflow.devstack.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tries to bind each wanted port on 127.0.0.1, the way the stack's processes will.
 */
public final class PortCheck {

	private PortCheck() {
	}

	/**
	 * @param wanted port to what it is for
	 * @return the ports that cannot be bound, in the given order
	 */
	public static List<PortConflict> conflicts(Map<Integer, String> wanted) {
		List<PortConflict> conflicts = new ArrayList<>();
		wanted.forEach((port, purpose) -> {
			if (!canBind(port)) {
				conflicts.add(new PortConflict(port, purpose, PortOwners.holderOf(port)));
			}
		});
		return conflicts;
	}

	static boolean canBind(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * A port that is free right now (for tests and for callers that choose their own
	 * ports).
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No free port on 127.0.0.1", ex);
		}
	}

}
