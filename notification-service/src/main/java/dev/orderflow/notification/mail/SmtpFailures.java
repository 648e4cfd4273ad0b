package dev.orderflow.notification.mail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * Reads what Spring's mail sender throws. Spring reports a message the server did not take as a
 * {@link MailSendException} without a cause: the reason is in {@link MailSendException#getMessageExceptions()},
 * so a generic walk of the cause chain cannot tell a busy server from a refused recipient.
 * <p>
 * Temporary (the same e-mail will pass later): no connection ("Mail server connection failed"), an
 * I/O failure mid-conversation (the server went away, reset, timed out), or a reply in SMTP's 4xx
 * class, which RFC 5321 defines as a transient negative completion (421 closing, 450/451/452 busy
 * or out of space). A 5xx reply (550 no such user) is final, and so is anything else.
 */
final class SmtpFailures {

	/** A server reply as JavaMail puts it in its exception messages: "421 4.3.2 Shutting down". */
	private static final Pattern TEMPORARY_REPLY = Pattern.compile("^4\\d\\d[ -].*", Pattern.DOTALL);

	private static final String CONNECTION_FAILED = "Mail server connection failed";

	private static final String SENT_BUT_NOT_CLOSED = "Failed to close server connection after message sending";

	private SmtpFailures() {
	}

	/** Whether the server will likely take the same e-mail later. */
	static boolean isTemporary(MailException failure) {
		if (CONNECTION_FAILED.equals(failure.getMessage())) {
			return true;
		}
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable root : roots(failure)) {
			for (Throwable current = root; current != null && seen.add(current); current = current.getCause()) {
				if (current instanceof IOException || isTemporaryReply(current.getMessage())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether the server took every message and only closing the connection failed: the e-mail is
	 * on its way, and sending it again would send it twice.
	 */
	static boolean wasSent(MailException failure) {
		return failure instanceof MailSendException send && send.getFailedMessages().isEmpty()
				&& SENT_BUT_NOT_CLOSED.equals(send.getMessage());
	}

	private static List<Throwable> roots(MailException failure) {
		List<Throwable> roots = new ArrayList<>();
		roots.add(failure);
		if (failure instanceof MailSendException send) {
			roots.addAll(List.of(send.getMessageExceptions()));
		}
		return roots;
	}

	private static boolean isTemporaryReply(String message) {
		return message != null && TEMPORARY_REPLY.matcher(message.strip()).matches();
	}

}
