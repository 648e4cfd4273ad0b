package dev.orderflow.notification.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.DependencyUnavailableException;
import dev.orderflow.eventing.retry.TransientFailures;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the real mail client (Spring's sender over Angus Mail) throws against an SMTP server that
 * is gone, busy or drops the connection is waited for: the e-mail is sent once the server is
 * back, never dead-lettered. A recipient the server refuses for good is the record's own failure.
 * The server is a scripted one on a real socket, so the failures are the ones the wire produces.
 */
class MailerSmtpFailuresTest {

	private static final Email EMAIL = new Email("ada@example.com", "Order 1 confirmed", "Thank you");

	private ScriptedSmtpServer server;

	@AfterEach
	void stopServer() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void aServerThatTakesTheMailSendsIt() throws IOException {
		this.server = new ScriptedSmtpServer((command) -> command.startsWith("DATA") ? "354 go ahead" : "250 ok");
		assertThatNoException().isThrownBy(() -> mailer(this.server.port()).send(EMAIL));
		assertThat(this.server.received()).contains("RCPT TO:<ada@example.com>");
	}

	@Test
	void aServerThatIsGoneIsWaitedFor() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		assertWaitedFor(catchThrowable(() -> mailer(port).send(EMAIL)));
	}

	@Test
	void aServerAnsweringWithATemporaryReplyIsWaitedFor() throws IOException {
		this.server = new ScriptedSmtpServer(
				(command) -> command.startsWith("MAIL FROM") ? "451 4.3.0 Try again later" : "250 ok");
		assertWaitedFor(catchThrowable(() -> mailer(this.server.port()).send(EMAIL)));
	}

	@Test
	void aServerThatDropsTheConnectionMidMessageIsWaitedFor() throws IOException {
		this.server = new ScriptedSmtpServer((command) -> command.startsWith("DATA") ? null : "250 ok");
		assertWaitedFor(catchThrowable(() -> mailer(this.server.port()).send(EMAIL)));
	}

	@Test
	void aRecipientRefusedForGoodIsTheRecordsOwnFailure() throws IOException {
		this.server = new ScriptedSmtpServer(
				(command) -> command.startsWith("RCPT TO") ? "550 5.1.1 No such user" : "250 ok");
		Throwable thrown = catchThrowable(() -> mailer(this.server.port()).send(EMAIL));
		assertThat(thrown).isInstanceOf(MailSendException.class);
		assertThat(TransientFailures.isTransient(thrown)).isFalse();
	}

	private static void assertWaitedFor(Throwable thrown) {
		assertThat(thrown).isInstanceOf(DependencyUnavailableException.class)
			.hasMessageContaining("ada@example.com");
		assertThat(TransientFailures.dependencyOf(thrown)).contains(Dependency.MAIL);
	}

	private static Mailer mailer(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", "2000");
		sender.setJavaMailProperties(properties);
		return new Mailer(sender, new NotificationMailProperties("orders@orderflow.local"));
	}

	/**
	 * Answers one connection at a time: greets, then replies to each command with what the script
	 * says, {@code null} meaning "close the connection". Message content after DATA is read and
	 * acknowledged with 250.
	 */
	private static final class ScriptedSmtpServer implements AutoCloseable {

		private final ServerSocket socket;

		private final StringBuilder received = new StringBuilder();

		ScriptedSmtpServer(UnaryOperator<String> script) throws IOException {
			this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
			Thread thread = new Thread(() -> serve(script), "scripted-smtp");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		synchronized String received() {
			return this.received.toString();
		}

		private void serve(UnaryOperator<String> script) {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept();
						BufferedReader in = new BufferedReader(
								new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
						PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
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
				synchronized (this) {
					this.received.append(command).append('\n');
				}
				String reply = command.startsWith("QUIT") ? "221 bye" : script.apply(command);
				if (reply == null) {
					return;
				}
				reply(out, reply);
				if (command.startsWith("DATA") && reply.startsWith("354")) {
					for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
						// the message itself
					}
					reply(out, "250 queued");
				}
				if (command.startsWith("QUIT")) {
					return;
				}
			}
		}

		private static void reply(PrintWriter out, String line) {
			out.print(line + "\r\n");
			out.flush();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
