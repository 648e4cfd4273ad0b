package dev.orderflow.notification.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import dev.orderflow.eventing.retry.DependencyUnavailableException;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends an {@link Email} over SMTP, from the configured sender address, and says which
 * failures are the server's for now ({@link SmtpFailures}): those surface as a
 * {@link DependencyUnavailableException}, so the event waits for the server instead of
 * reaching the dead letters.
 * <p>
 * One SMTP connection is kept open and carries the next e-mails: opening one (TCP,
 * greeting, {@code EHLO}, {@code QUIT}) costs about ten times what an e-mail on an open
 * one does, and Spring's {@code JavaMailSender.send} opens one per e-mail. The connection
 * is closed after {@link NotificationMailProperties#smtpIdleTimeout()} without an e-mail,
 * and when the service stops. Server, port, credentials and client settings are Spring
 * Boot's {@code spring.mail.*}, read from the {@link JavaMailSenderImpl} it configures.
 * <p>
 * A kept connection may have died meanwhile (the server's idle timeout, a restart). When
 * a send on a <em>reused</em> connection fails temporarily before any of the message's
 * content was written to the server, the server cannot have the e-mail, so it is sent
 * once more on a fresh connection. Any other failure is classified as it is: once content
 * went out, the server may have taken the message, and sending it again could send it
 * twice. Closing a connection is apart from any e-mail, so a failure to close never makes
 * an e-mail the server took count as failed.
 * <p>
 * An e-mail that failed after its content went out is sent again by the event's retry,
 * and the server may then hold it twice: SMTP gives no way to learn whether a server that
 * went away before its final reply kept the message. Each e-mail of an order therefore
 * carries a {@code Message-ID} made from the id of its event ({@link #messageId}), the
 * same on every sending, which is what mail stores and clients use to show copies as one
 * message.
 * <p>
 * Safe for concurrent callers: they take turns on the one connection.
 */
@Component
public class Mailer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	/*
	 * Jakarta Mail finds its StreamProvider (the line and encoder streams every message
	 * is written through) anew for each message it writes and, unless told which one to
	 * use, asks ServiceLoader, which searches the jars of the class path every time
	 * (jakartaee/mail-api#699 and #861): 8 % of this service's CPU under the bench. Its
	 * look-up starts with the system property named after the interface; naming Angus
	 * Mail's provider there, unless an operator named another, spares the search
	 * (docs/performance.md, "Where the CPU goes (JFR, 2026-12-04)").
	 */
	static {
		System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
	}

	private final JavaMailSenderImpl mailSender;

	private final NotificationMailProperties properties;

	private final long idleTimeoutNanos;

	private final String messageIdDomain;

	private final ScheduledExecutorService idleCloser;

	private final Lock lock = new ReentrantLock();

	// the fields below are guarded by lock

	private Transport transport;

	private long lastUsed;

	private ScheduledFuture<?> idleCheck;

	private boolean closed;

	// protected for the benchmark's EmailOffMailer (ADR 0020), which sends nothing
	protected Mailer(JavaMailSenderImpl mailSender, NotificationMailProperties properties) {
		this.mailSender = mailSender;
		this.properties = properties;
		this.idleTimeoutNanos = properties.smtpIdleTimeout().toNanos();
		this.messageIdDomain = domainOf(properties.from());
		this.idleCloser = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "smtp-idle-close");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Hands the e-mail to the SMTP server.
	 * @param email what to send
	 * @throws DependencyUnavailableException when the server is unreachable, went away or
	 * answered with a temporary (4xx) reply: the same e-mail will pass later
	 * @throws MailException when the message is malformed ({@code MailParseException},
	 * {@code MailPreparationException}) or the server refuses it for good
	 */
	public void send(Email email) throws MailException {
		OutgoingMessage message = prepare(email);
		this.lock.lock();
		try {
			boolean reused = this.transport != null;
			try {
				deliver(message, connected(email));
			}
			catch (MessagingException failure) {
				discardConnection();
				if (!reused || message.contentWritten() || !SmtpFailures.isTemporary(failure)) {
					throw SmtpFailures.sendFailed(email, failure);
				}
				log.debug("The kept SMTP connection failed before the e-mail went out ({}); sending on a new one",
						failure.getMessage());
				resend(message, email);
			}
			catch (RuntimeException ex) {
				// not a failure SMTP reported: the connection's state is unknown, so it
				// is not kept
				discardConnection();
				throw ex;
			}
			keepOpen();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Closes the open connection, if any; an e-mail sent after this opens a connection
	 * for itself.
	 */
	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			if (this.idleCheck != null) {
				this.idleCheck.cancel(false);
				this.idleCheck = null;
			}
			discardConnection();
		}
		finally {
			this.lock.unlock();
		}
		this.idleCloser.shutdownNow();
	}

	private OutgoingMessage prepare(Email email) {
		OutgoingMessage message = new OutgoingMessage(this.mailSender.getSession(),
				this.mailSender.getDefaultFileTypeMap(), messageId(email));
		// as JavaMailSenderImpl.send(SimpleMailMessage) does: a malformed address is a
		// MailParseException
		MimeMailMessage mail = new MimeMailMessage(helper(message));
		mail.setFrom(this.properties.from());
		mail.setTo(email.to());
		mail.setSubject(email.subject());
		mail.setText(email.body());
		try {
			message.setSentDate(new Date());
			message.saveChanges();
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		return message;
	}

	/**
	 * The {@code Message-ID} of an e-mail that has an identity: {@code <id@domain>}, the
	 * domain being the sender address's, as RFC 5322 asks of a message id (unique, the
	 * right-hand side naming the sending domain). Without an id, {@code null}: Jakarta
	 * Mail makes a fresh one for each sending.
	 */
	String messageId(Email email) {
		if (email.id() == null) {
			return null;
		}
		String local = email.id().replaceAll("[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]", "-");
		return "<" + local + "@" + this.messageIdDomain + ">";
	}

	/**
	 * The domain of the sender address, parsed once by Jakarta Mail (a display name and
	 * angle brackets are not part of it); {@code localhost} when it has none.
	 */
	private static String domainOf(String from) {
		try {
			String address = new InternetAddress(from).getAddress();
			int at = address.lastIndexOf('@');
			return (at >= 0 && at < address.length() - 1) ? address.substring(at + 1) : "localhost";
		}
		catch (AddressException ex) {
			return "localhost";
		}
	}

	/**
	 * Spring's helper for a message, with the sender's MIME type map. Spring's own
	 * {@link MimeMessageHelper} builds a new map for every message a
	 * {@code JavaMailSender} did not create, reading the {@code mime.types} files of the
	 * class path through {@code ServiceLoader} look-ups: a quarter of
	 * notification-service's CPU under the bench (docs/performance.md), for a map that
	 * only attachments use. The sender's map is built once.
	 */
	MimeMessageHelper helper(OutgoingMessage message) {
		return new MimeMessageHelper(message, this.mailSender.getDefaultEncoding()) {

			@Override
			protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
				// called from the helper's constructor: the map travels with the message
				return ((OutgoingMessage) mimeMessage).fileTypes;
			}

		};
	}

	private void resend(OutgoingMessage message, Email email) {
		try {
			deliver(message, connected(email));
		}
		catch (MessagingException failure) {
			discardConnection();
			throw SmtpFailures.sendFailed(email, failure);
		}
	}

	private static void deliver(OutgoingMessage message, Transport transport) throws MessagingException {
		transport.sendMessage(message, message.getAllRecipients());
	}

	private Transport connected(Email email) {
		if (this.transport != null) {
			return this.transport;
		}
		Session session = this.mailSender.getSession();
		Transport fresh = null;
		try {
			String protocol = this.mailSender.getProtocol();
			fresh = session.getTransport((protocol != null) ? protocol : "smtp");
			fresh.connect(this.mailSender.getHost(), this.mailSender.getPort(), orNull(this.mailSender.getUsername()),
					orNull(this.mailSender.getPassword()));
		}
		catch (MessagingException ex) {
			closeQuietly(fresh);
			throw SmtpFailures.connectFailed(email, ex);
		}
		log.debug("Opened an SMTP connection to {}:{}", this.mailSender.getHost(), this.mailSender.getPort());
		this.transport = fresh;
		return fresh;
	}

	private void keepOpen() {
		this.lastUsed = System.nanoTime();
		if (this.closed || this.idleTimeoutNanos <= 0) {
			discardConnection();
		}
		else if (this.idleCheck == null) {
			this.idleCheck = this.idleCloser.schedule(this::closeIfIdle, this.idleTimeoutNanos, TimeUnit.NANOSECONDS);
		}
	}

	private void closeIfIdle() {
		this.lock.lock();
		try {
			if (this.closed || this.transport == null) {
				this.idleCheck = null;
				return;
			}
			long idle = System.nanoTime() - this.lastUsed;
			if (idle >= this.idleTimeoutNanos) {
				log.debug("Closing the SMTP connection, idle for {} ms", TimeUnit.NANOSECONDS.toMillis(idle));
				discardConnection();
				this.idleCheck = null;
			}
			else {
				this.idleCheck = this.idleCloser.schedule(this::closeIfIdle, this.idleTimeoutNanos - idle,
						TimeUnit.NANOSECONDS);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private void discardConnection() {
		closeQuietly(this.transport);
		this.transport = null;
	}

	// Every e-mail sent on it was taken already: a failure to say goodbye loses nothing.
	private static void closeQuietly(Transport transport) {
		if (transport == null) {
			return;
		}
		try {
			transport.close();
		}
		catch (MessagingException ex) {
			log.debug("Closing the SMTP connection failed: {}", ex.getMessage());
		}
	}

	// as JavaMailSenderImpl: an empty user name (from a placeholder) means no
	// authentication
	private static String orNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/**
	 * A message that knows whether the transport began writing its content, which SMTP
	 * does only after the server accepted {@code MAIL FROM}, {@code RCPT TO} and
	 * {@code DATA}: before that the server cannot have taken it.
	 */
	static final class OutgoingMessage extends MimeMessage {

		private final FileTypeMap fileTypes;

		private final String messageId;

		private volatile boolean contentWritten;

		OutgoingMessage(Session session, FileTypeMap fileTypes, String messageId) {
			super(session);
			this.fileTypes = fileTypes;
			this.messageId = messageId;
		}

		/**
		 * The e-mail's own Message-ID when it has one: {@code saveChanges()} would
		 * replace it with a random one, and a second sending would look like another
		 * message.
		 */
		@Override
		protected void updateMessageID() throws MessagingException {
			if (this.messageId != null) {
				setHeader("Message-ID", this.messageId);
			}
			else {
				super.updateMessageID();
			}
		}

		boolean contentWritten() {
			return this.contentWritten;
		}

		@Override
		public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
			this.contentWritten = true;
			super.writeTo(out, ignoreList);
		}

	}

}
