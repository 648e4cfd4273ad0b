package dev.orderflow.notification.mail;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.eventing.retry.DependencyUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The mailer keeps one SMTP connection for the next e-mails, and what that must never
 * cost: an e-mail lost or sent twice when the server closed the connection meanwhile, or
 * a connection held open past its idle time.
 */
class MailerConnectionTest {

	private static final Duration IDLE = Duration.ofSeconds(30);

	private ScriptedSmtpServer server;

	private GreenMail greenMail;

	private Mailer mailer;

	@AfterEach
	void stop() throws IOException {
		if (this.mailer != null) {
			this.mailer.close();
		}
		if (this.server != null) {
			this.server.close();
		}
		if (this.greenMail != null) {
			this.greenMail.stop();
		}
	}

	@Test
	void emailsInARowGoOverOneConnection() throws IOException {
		this.server = new ScriptedSmtpServer(ScriptedSmtpServer.ACCEPTING);
		this.mailer = MailerSmtpFailuresTest.mailer(this.server.port(), IDLE);
		this.mailer.send(email(1));
		this.mailer.send(email(2));
		this.mailer.send(email(3));
		assertThat(this.server.taken()).containsExactly("Order 1 confirmed", "Order 2 confirmed", "Order 3 confirmed");
		assertThat(this.server.connections()).isOne();
		assertThat(this.server.received()).doesNotContain("QUIT");
	}

	@Test
	void aConnectionIdlePastTheTimeoutIsClosedAndTheNextEmailOpensANewOne() throws IOException {
		this.server = new ScriptedSmtpServer(ScriptedSmtpServer.ACCEPTING);
		this.mailer = MailerSmtpFailuresTest.mailer(this.server.port(), Duration.ofMillis(200));
		this.mailer.send(email(1));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.server.received()).contains("QUIT"));
		this.mailer.send(email(2));
		assertThat(this.server.taken()).containsExactly("Order 1 confirmed", "Order 2 confirmed");
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void closingTheMailerSaysGoodbyeToTheServer() throws IOException {
		this.server = new ScriptedSmtpServer(ScriptedSmtpServer.ACCEPTING);
		this.mailer = MailerSmtpFailuresTest.mailer(this.server.port(), IDLE);
		this.mailer.send(email(1));
		this.mailer.close();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.server.received()).contains("QUIT"));
	}

	@Test
	void aConnectionTheServerDroppedIsReplacedAndTheEmailSentOnce() throws IOException {
		this.server = new ScriptedSmtpServer(ScriptedSmtpServer.ACCEPTING);
		this.mailer = MailerSmtpFailuresTest.mailer(this.server.port(), IDLE);
		this.mailer.send(email(1));
		this.server.dropConnection();
		this.mailer.send(email(2));
		assertThat(this.server.taken()).containsExactly("Order 1 confirmed", "Order 2 confirmed");
		assertThat(this.server.connections()).isEqualTo(2);
	}

	@Test
	void aKeptConnectionTheServerTimedOutIsReplaced() throws IOException {
		// a server closing an idle connection answers the next command with 421 and hangs
		// up
		AtomicInteger mailFrom = new AtomicInteger();
		this.server = new ScriptedSmtpServer(
				(command) -> command.startsWith("MAIL FROM") && mailFrom.incrementAndGet() == 2
						? "421 4.4.2 Idle timeout, closing" : ScriptedSmtpServer.ACCEPTING.apply(command));
		this.mailer = MailerSmtpFailuresTest.mailer(this.server.port(), IDLE);
		this.mailer.send(email(1));
		this.mailer.send(email(2));
		assertThat(this.server.taken()).containsExactly("Order 1 confirmed", "Order 2 confirmed");
	}

	@Test
	void aKeptConnectionLostAfterTheContentWentOutIsNotSentAgain() throws IOException {
		// the server may have queued the e-mail before the connection broke: waiting is
		// safe, a resend is not
		AtomicInteger ends = new AtomicInteger();
		this.server = new ScriptedSmtpServer((command) -> command.equals(".") && ends.incrementAndGet() == 2 ? null
				: ScriptedSmtpServer.ACCEPTING.apply(command));
		this.mailer = MailerSmtpFailuresTest.mailer(this.server.port(), IDLE);
		this.mailer.send(email(1));
		Throwable thrown = catchThrowable(() -> this.mailer.send(email(2)));
		assertThat(thrown).isInstanceOf(DependencyUnavailableException.class);
		assertThat(this.server.received().lines().filter("."::equals)).hasSize(2);
		assertThat(this.server.connections()).isOne();
	}

	@Test
	void anSmtpServerRestartedBetweenTwoEmailsGetsTheSecondOnce() throws MessagingException {
		this.greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
		this.greenMail.start();
		int port = this.greenMail.getSmtp().getPort();
		this.mailer = MailerSmtpFailuresTest.mailer(port, IDLE);
		this.mailer.send(email(1));
		assertThat(subjects(this.greenMail.getReceivedMessages())).containsExactly("Order 1 confirmed");

		this.greenMail.stop();
		this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
		this.greenMail.start();
		this.mailer.send(email(2));

		assertThat(subjects(this.greenMail.getReceivedMessages())).containsExactly("Order 2 confirmed");
	}

	@Test
	void concurrentSendersEachGetTheirEmailSentOnce() throws Exception {
		this.greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
		this.greenMail.start();
		this.mailer = MailerSmtpFailuresTest.mailer(this.greenMail.getSmtp().getPort(), IDLE);
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> sent = new ArrayList<>();
			IntStream.rangeClosed(1, 40)
				.forEach((order) -> sent.add(senders.submit(() -> this.mailer.send(email(order)))));
			for (Future<?> each : sent) {
				each.get();
			}
		}
		finally {
			senders.shutdownNow();
		}
		assertThat(subjects(this.greenMail.getReceivedMessages())).containsExactlyInAnyOrderElementsOf(
				IntStream.rangeClosed(1, 40).mapToObj((order) -> "Order " + order + " confirmed").toList());
	}

	private static Email email(int order) {
		return new Email("ada@example.com", "Order " + order + " confirmed", "Thank you");
	}

	private static List<String> subjects(MimeMessage[] messages) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : messages) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

}
