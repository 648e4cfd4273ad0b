package dev.orderflow.devstack.process;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Ready when a TCP connect succeeds and the server greets with the expected prefix (e.g.
 * SMTP's {@code 220}).
 */
public final class SocketReadiness implements Readiness {

	private final int port;

	private final String greeting;

	public SocketReadiness(int port, String greeting) {
		this.port = port;
		this.greeting = greeting;
	}

	@Override
	public boolean isReady() throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 2000);
			socket.setSoTimeout(3000);
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[this.greeting.length()];
			int read = in.readNBytes(buffer, 0, buffer.length);
			return new String(buffer, 0, read, StandardCharsets.US_ASCII).equals(this.greeting);
		}
	}

}
