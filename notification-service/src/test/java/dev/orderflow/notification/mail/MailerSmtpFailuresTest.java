package dev.orderflow.notification.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.DependencyUnavailableException;
import dev.orderflow.eventing.retry.TransientFailures;

import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the real mail client (Spring's sender over Angus Mail) throws against an SMTP
 * server that is gone, busy or drops the connection is waited for: the e-mail is sent
 * once the server is back, never dead-lettered. A recipient the server refuses for good
 * is the record's own failure. The server is a scripted one on a real socket, so the
 * failures are the ones the wire produces.
 */
class MailerSmtpFailuresTest {

	private static final Email EMAIL = new Email("ada@example.com", "Order 1 confirmed", "Thank you");

	private ScriptedSmtpServer server;

	private Mailer mailer;

	@AfterEach
	void stopServer() throws IOException {
		if (this.mailer != null) {
			this.mailer.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void aServerThatTakesTheMailSendsIt() throws IOException {
		this.server = new ScriptedSmtpServer(ScriptedSmtpServer.ACCEPTING);
		assertThatNoException().isThrownBy(() -> mailer(this.server.port()).send(EMAIL));
		assertThat(this.server.received()).contains("RCPT TO:<ada@example.com>");
		assertThat(this.server.taken()).containsExactly("Order 1 confirmed");
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
	void aServerThatDropsTheConnectionAtTheSenderIsWaitedFor() throws IOException {
		this.server = new ScriptedSmtpServer((command) -> command.startsWith("MAIL FROM") ? null : "250 ok");
		assertWaitedFor(catchThrowable(() -> mailer(this.server.port()).send(EMAIL)));
	}

	@Test
	void aServerThatDropsTheConnectionAfterTheContentIsWaitedFor() throws IOException {
		this.server = new ScriptedSmtpServer(
				(command) -> command.equals(".") ? null : ScriptedSmtpServer.ACCEPTING.apply(command));
		assertWaitedFor(catchThrowable(() -> mailer(this.server.port()).send(EMAIL)));
	}

	/**
	 * The server read the whole message and went away before answering: it may have kept
	 * it. The event's retry sends it again, and both copies carry the one Message-ID that
	 * lets the recipient's mail system show them as one message.
	 */
	@Test
	void anEmailSentAgainAfterAnUnansweredEndIsTheSameMessage() throws IOException {
		AtomicInteger ends = new AtomicInteger();
		this.server = new ScriptedSmtpServer((command) -> (command.equals(".") && ends.incrementAndGet() == 1) ? null
				: ScriptedSmtpServer.ACCEPTING.apply(command));
		Email email = new Email("ada@example.com", "Order 1 confirmed", "Thank you",
				"6f1c2f4e-8a55-4a51-9d1e-0b7f4f1e2a10");
		Mailer mailer = mailer(this.server.port());

		assertWaitedFor(catchThrowable(() -> mailer.send(email)));
		assertThatNoException().isThrownBy(() -> mailer.send(email));

		assertThat(this.server.messageIds()).containsExactly("<6f1c2f4e-8a55-4a51-9d1e-0b7f4f1e2a10@orderflow.local>",
				"<6f1c2f4e-8a55-4a51-9d1e-0b7f4f1e2a10@orderflow.local>");
		assertThat(this.server.taken()).containsExactly("Order 1 confirmed");
	}

	@Test
	void anEmailWithoutAnIdentityGetsANewMessageIdEachTime() throws IOException {
		this.server = new ScriptedSmtpServer(ScriptedSmtpServer.ACCEPTING);
		Mailer mailer = mailer(this.server.port());

		mailer.send(EMAIL);
		mailer.send(EMAIL);

		assertThat(this.server.messageIds()).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
	}

	@Test
	void aSenderRefusedForGoodIsTheRecordsOwnFailure() throws IOException {
		this.server = new ScriptedSmtpServer(
				(command) -> command.startsWith("MAIL FROM") ? "553 5.7.1 Sender not allowed" : "250 ok");
		Throwable thrown = catchThrowable(() -> mailer(this.server.port()).send(EMAIL));
		assertThat(thrown).isInstanceOf(MailSendException.class);
		assertThat(TransientFailures.isTransient(thrown)).isFalse();
	}

	@Test
	void aMalformedAddressIsTheRecordsOwnFailureAndNeverReachesTheServer() throws IOException {
		this.server = new ScriptedSmtpServer(ScriptedSmtpServer.ACCEPTING);
		Throwable thrown = catchThrowable(
				() -> mailer(this.server.port()).send(new Email("ada@@example..com>", "Order 1 confirmed", "x")));
		assertThat(thrown).isInstanceOf(MailParseException.class);
		assertThat(TransientFailures.isTransient(thrown)).isFalse();
		assertThat(this.server.connections()).isZero();
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
		assertThat(thrown).isInstanceOf(DependencyUnavailableException.class).hasMessageContaining("ada@example.com");
		assertThat(TransientFailures.dependencyOf(thrown)).contains(Dependency.MAIL);
	}

	private Mailer mailer(int port) {
		this.mailer = mailer(port, Duration.ofSeconds(30));
		return this.mailer;
	}

	/** A mailer as the service configures it, against the SMTP server on {@code port}. */
	static Mailer mailer(int port, Duration idleTimeout) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", "2000");
		sender.setJavaMailProperties(properties);
		return new Mailer(sender, new NotificationMailProperties("orders@orderflow.local", idleTimeout));
	}

}
