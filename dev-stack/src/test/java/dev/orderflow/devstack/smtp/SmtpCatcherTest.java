package dev.orderflow.devstack.smtp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.devstack.Component;
import dev.orderflow.devstack.LocalStack;
import dev.orderflow.devstack.StackPorts;
import dev.orderflow.devstack.ports.PortCheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the SMTP catcher as its own process and sends it a mail over SMTP.
 */
class SmtpCatcherTest {

	@TempDir
	static Path dataDir;

	private static LocalStack stack;

	@BeforeAll
	static void startCatcher() {
		StackPorts ports = new StackPorts(PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(),
				PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort(), PortCheck.freePort());
		stack = LocalStack.builder()
			.dataDir(dataDir)
			.ports(ports)
			.components(Component.SMTP)
			.readyTimeout(Duration.ofSeconds(60))
			.build();
		stack.start();
	}

	@AfterAll
	static void stopCatcher() {
		stack.stop();
	}

	@Test
	void keepsEachReceivedMailAsAnEmlFile() throws Exception {
		send("ada@example.com", "Your order o-42 is confirmed");

		Mailbox mailbox = new Mailbox(stack.dataDir().mail());
		await().atMost(Duration.ofSeconds(20)).until(() -> !mailbox.list().isEmpty());
		assertThat(mailbox.list()).singleElement().satisfies((mail) -> {
			assertThat(mail.file().getFileName().toString()).endsWith("ada@example.com.eml");
			assertThat(mail.to()).isEqualTo("ada@example.com");
			assertThat(mail.subject()).isEqualTo("Your order o-42 is confirmed");
			assertThat(mail.sent()).isPresent();
			assertThat(mail.messageId()).as("the Message-ID the client gave it").startsWith("<").endsWith(">");
		});
	}

	private static void send(String to, String subject) throws Exception {
		Properties props = new Properties();
		props.put("mail.smtp.host", "127.0.0.1");
		props.put("mail.smtp.port", Integer.toString(stack.ports().smtp()));
		props.put("mail.smtp.connectiontimeout", "5000");
		props.put("mail.smtp.timeout", "5000");
		MimeMessage message = new MimeMessage(Session.getInstance(props));
		message.setFrom(new InternetAddress("orders@orderflow.dev"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject);
		message.setText("Thank you for your order.");
		message.setSentDate(new java.util.Date());
		Transport.send(message);
	}

}
