package dev.orderflow.notification.mail;

import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an e-mail costs the notification service, against GreenMail in this JVM: one SMTP
 * connection per e-mail, as {@code JavaMailSender.send} does and {@link Mailer} did until
 * it kept its connection, against {@link Mailer} on one kept connection. A benchmark, not
 * a test: its name keeps it out of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -q -pl notification-service -am test -Dtest=MailerBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the figures it prints (docs/performance.md).
 */
class MailerBenchmark {

	private static final int WARMUP = 200;

	private static final int MEASURED = 500;

	private static final int ROUNDS = 3;

	@Test
	void connectionPerEmailAgainstOneKeptConnection() throws FolderException {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
		smtp.start();
		JavaMailSenderImpl sender = sender(smtp.getSmtp().getPort());
		try (Mailer mailer = new Mailer(sender,
				new NotificationMailProperties("orders@orderflow.local", Duration.ofSeconds(30)))) {
			Consumer<Email> connectionPerEmail = (email) -> sender.send(simple(email));
			// alternating rounds, the best of each: a busy machine only ever makes a
			// round slower
			double perEmailMs = Double.MAX_VALUE;
			double keptMs = Double.MAX_VALUE;
			for (int round = 0; round < ROUNDS; round++) {
				perEmailMs = Math.min(perEmailMs, perEmail(smtp, connectionPerEmail));
				keptMs = Math.min(keptMs, perEmail(smtp, mailer::send));
			}
			System.out.printf(
					"A connection per e-mail %.2f ms per e-mail, one kept connection %.2f ms per e-mail"
							+ " (%.1fx; best of %d rounds of %d e-mails, each after %d warm-up)%n",
					perEmailMs, keptMs, perEmailMs / keptMs, ROUNDS, MEASURED, WARMUP);
		}
		finally {
			smtp.stop();
		}
	}

	/**
	 * Jakarta Mail's look-up of its {@code StreamProvider} for each message, searched
	 * through {@code ServiceLoader} against named by the system property {@link Mailer}
	 * sets. The property is read on every look-up, so one JVM measures both; GreenMail
	 * parses each message in this JVM too, so the figure is the client's and the server's
	 * together, as the notification service and the stack's SMTP catcher pay it.
	 */
	@Test
	void streamProviderSearchedForEachMessageAgainstNamed() throws FolderException {
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
		smtp.start();
		String property = StreamProvider.class.getName();
		try (Mailer mailer = new Mailer(sender(smtp.getSmtp().getPort()),
				new NotificationMailProperties("orders@orderflow.local", Duration.ofSeconds(30)))) {
			String named = System.getProperty(property);
			assertThat(named).as("set when Mailer is loaded").isNotNull();
			double searchedMs = Double.MAX_VALUE;
			double namedMs = Double.MAX_VALUE;
			try {
				for (int round = 0; round < ROUNDS; round++) {
					System.clearProperty(property);
					searchedMs = Math.min(searchedMs, perEmail(smtp, mailer::send));
					System.setProperty(property, named);
					namedMs = Math.min(namedMs, perEmail(smtp, mailer::send));
				}
			}
			finally {
				System.setProperty(property, named);
			}
			System.out.printf(
					"StreamProvider searched for each message %.2f ms per e-mail, named %.2f ms per e-mail"
							+ " (%.1fx; best of %d rounds of %d e-mails, each after %d warm-up)%n",
					searchedMs, namedMs, searchedMs / namedMs, ROUNDS, MEASURED, WARMUP);
		}
		finally {
			smtp.stop();
		}
	}

	private static double perEmail(GreenMail smtp, Consumer<Email> send) throws FolderException {
		smtp.purgeEmailFromAllMailboxes();
		for (int i = 0; i < WARMUP; i++) {
			send.accept(email(i));
		}
		long start = System.nanoTime();
		for (int i = 0; i < MEASURED; i++) {
			send.accept(email(i));
		}
		double ms = (System.nanoTime() - start) / 1e6 / MEASURED;
		assertThat(smtp.getReceivedMessages()).hasSize(WARMUP + MEASURED);
		return ms;
	}

	private static Email email(int order) {
		return new Email("customer-" + (order % 50) + "@example.com", "Order " + order + " confirmed",
				"Hello,\n\ngood news: your order " + order + " is confirmed.\n-- orderflow\n");
	}

	private static SimpleMailMessage simple(Email email) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("orders@orderflow.local");
		message.setTo(email.to());
		message.setSubject(email.subject());
		message.setText(email.body());
		return message;
	}

	// as application.yml configures the service's sender
	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "10000");
		properties.put("mail.smtp.writetimeout", "10000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

}
