package dev.orderflow.devstack.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;

/**
 * A standalone SMTP server (GreenMail) that accepts mail for anyone, without
 * authentication, and writes each delivered message to
 * {@code DIR/<time>-<n>-<recipient>.eml}. GreenMail also keeps every message in memory
 * for IMAP and POP3, which the catcher does not serve: it empties those mailboxes every
 * few seconds, so a long run (a soak's 100,000 e-mails) does not run out of heap.
 * <p>
 * Usage: {@code SmtpCatcher --port 3025 --dir .orderflow/mail}. Runs until terminated.
 */
public final class SmtpCatcher {

	private static final long PURGE_EVERY_SECONDS = 5;

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final Path directory;

	private final AtomicLong sequence = new AtomicLong();

	private SmtpCatcher(Path directory) {
		this.directory = directory;
	}

	public static void main(String[] args) throws Exception {
		// Jakarta Mail would search the class path's jars for its StreamProvider
		// for every message it parses (a quarter of the catcher's CPU under the
		// bench); the system property named after the interface tells it which one,
		// as notification-service's Mailer does
		System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
		int port = Integer.parseInt(option(args, "--port", "3025"));
		Path dir = Path.of(option(args, "--dir", "mail"));
		Files.createDirectories(dir);
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		new SmtpCatcher(dir).keepDeliveries(greenMail);
		ScheduledExecutorService purge = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "smtp-catcher-purge");
			thread.setDaemon(true);
			return thread;
		});
		purge.scheduleWithFixedDelay(() -> forgetDelivered(greenMail), PURGE_EVERY_SECONDS, PURGE_EVERY_SECONDS,
				TimeUnit.SECONDS);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			greenMail.stop();
			stopped.countDown();
		}, "smtp-catcher-shutdown"));
		System.out.println("SMTP catcher listening on 127.0.0.1:" + port + ", writing mail to " + dir.toAbsolutePath());
		stopped.await();
	}

	/**
	 * The files are the catcher's record of what arrived; GreenMail's in-memory copies
	 * are not needed.
	 */
	private static void forgetDelivered(GreenMail greenMail) {
		try {
			greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException | RuntimeException ex) {
			System.err.println("could not empty the in-memory mailboxes: " + ex);
		}
	}

	private void keepDeliveries(GreenMail greenMail) {
		MessageDeliveryHandler delivery = greenMail.getUserManager().getMessageDeliveryHandler();
		greenMail.getUserManager().setMessageDeliveryHandler((message, recipient) -> {
			save(message, recipient);
			return delivery.handle(message, recipient);
		});
	}

	private void save(MovingMessage message, MailAddress recipient) throws MessagingException {
		String name = LocalDateTime.now().format(FILE_TIME) + "-" + this.sequence.incrementAndGet() + "-"
				+ recipient.getEmail().replaceAll("[^A-Za-z0-9@._-]", "_") + ".eml";
		Path file = this.directory.resolve(name);
		try (OutputStream out = Files.newOutputStream(file)) {
			message.getMessage().writeTo(out);
		}
		catch (IOException ex) {
			throw new MessagingException("Cannot write " + file, ex);
		}
		System.out.println("received mail for " + recipient.getEmail() + " -> " + file.getFileName());
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
