package dev.orderflow.devstack.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The mails the SMTP catcher kept, read back from their {@code .eml} files.
 */
public final class Mailbox {

	private static final Session SESSION = Session.getInstance(new Properties());

	private final Path directory;

	public Mailbox(Path directory) {
		this.directory = directory;
	}

	/**
	 * One kept mail.
	 *
	 * @param messageId its {@code Message-ID} header, empty when it has none: copies with
	 * the same one are the same message sent again (a mail client shows them once)
	 */
	public record Mail(Path file, Optional<Date> sent, String to, String subject, String messageId) {
	}

	/** Every kept mail, oldest first (file names start with the receive time). */
	public List<Mail> list() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((p) -> p.getFileName().toString().endsWith(".eml"))
				.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()))
				.map(Mailbox::read)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + this.directory, ex);
		}
	}

	static Mail read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MimeMessage message = new MimeMessage(SESSION, in);
			Address[] to = message.getAllRecipients();
			String recipients = (to != null) ? String.join(", ", Stream.of(to).map(Address::toString).toList()) : "?";
			return new Mail(file, Optional.ofNullable(message.getSentDate()), recipients,
					Optional.ofNullable(message.getSubject()).orElse("(no subject)"),
					Optional.ofNullable(message.getMessageID()).orElse(""));
		}
		catch (IOException | MessagingException ex) {
			return new Mail(file, Optional.empty(), "?", "(unreadable: " + ex.getMessage() + ")", "");
		}
	}

}
