package dev.orderflow.notification.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An SMTP server on a real socket that answers one connection at a time: greets, then
 * replies to each command with what the script says, {@code null} meaning "close the
 * connection". The end of a message's content is the command {@code "."}, answered by the
 * script as well. It records the commands it received, the connections it accepted, the
 * subjects of the messages it took and the {@code Message-ID} of every message whose
 * content it read, taken or not.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	/** Takes every message. */
	static final UnaryOperator<String> ACCEPTING = (command) -> command.startsWith("DATA") ? "354 go ahead" : "250 ok";

	private final ServerSocket socket;

	private final StringBuilder received = new StringBuilder();

	private final List<String> taken = new ArrayList<>();

	private final List<String> messageIds = new ArrayList<>();

	private int connections;

	private Socket current;

	ScriptedSmtpServer(UnaryOperator<String> script) throws IOException {
		this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(() -> serve(script), "scripted-smtp");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return this.socket.getLocalPort();
	}

	/** Every command received, one a line. */
	synchronized String received() {
		return this.received.toString();
	}

	/** How many connections the server accepted. */
	synchronized int connections() {
		return this.connections;
	}

	/**
	 * The subjects of the messages the server took (answered the end of their content
	 * with 250).
	 */
	synchronized List<String> taken() {
		return List.copyOf(this.taken);
	}

	/**
	 * The {@code Message-ID} header of every message whose content arrived up to its
	 * final ".", in arrival order, whatever the server answered then.
	 */
	synchronized List<String> messageIds() {
		return List.copyOf(this.messageIds);
	}

	/**
	 * Closes the open connection from the server's side, as a server does on restart or
	 * idle timeout.
	 */
	void dropConnection() throws IOException {
		Socket open;
		synchronized (this) {
			open = this.current;
		}
		if (open != null) {
			open.close();
		}
	}

	private void serve(UnaryOperator<String> script) {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept();
					BufferedReader in = new BufferedReader(
							new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
					PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
				synchronized (this) {
					this.connections++;
					this.current = client;
				}
				reply(out, "220 scripted ESMTP");
				converse(in, out, script);
			}
			catch (IOException ex) {
				// closed by the test, or by the client: wait for the next connection
			}
		}
	}

	private void converse(BufferedReader in, PrintWriter out, UnaryOperator<String> script) throws IOException {
		for (String command = in.readLine(); command != null; command = in.readLine()) {
			record(command);
			String reply = command.startsWith("QUIT") ? "221 bye" : script.apply(command);
			if (reply == null) {
				return;
			}
			reply(out, reply);
			if (command.startsWith("DATA") && reply.startsWith("354") && !message(in, out, script)) {
				return;
			}
			if (command.startsWith("QUIT")) {
				return;
			}
		}
	}

	// Reads the content up to the lone "."; false when the script closes the connection
	// there.
	private boolean message(BufferedReader in, PrintWriter out, UnaryOperator<String> script) throws IOException {
		String subject = null;
		String messageId = null;
		for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
			if (subject == null && line.startsWith("Subject: ")) {
				subject = line.substring("Subject: ".length());
			}
			if (messageId == null && line.startsWith("Message-ID: ")) {
				messageId = line.substring("Message-ID: ".length());
			}
		}
		synchronized (this) {
			this.messageIds.add(messageId);
		}
		record(".");
		String reply = script.apply(".");
		if (reply == null) {
			return false;
		}
		if (reply.startsWith("250")) {
			synchronized (this) {
				this.taken.add(subject);
			}
		}
		reply(out, reply);
		return true;
	}

	private synchronized void record(String command) {
		this.received.append(command).append('\n');
	}

	private static void reply(PrintWriter out, String line) {
		out.print(line + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		dropConnection();
	}

}
