package dev.orderflow.notification.mail;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

import dev.orderflow.eventing.retry.Dependency;
import dev.orderflow.eventing.retry.DependencyUnavailableException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * The one place that reads what the mail client (jakarta.mail over Angus Mail) throws,
 * and turns it into what the caller of {@link Mailer} sees.
 * <p>
 * Temporary (the same e-mail will pass later), thrown as a
 * {@link DependencyUnavailableException} for {@link Dependency#MAIL}: no connection, an
 * I/O failure mid-conversation (the server went away, reset, timed out, or ended the
 * conversation without a reply), or a reply in SMTP's 4xx class, which RFC 5321 defines
 * as a transient negative completion (421 closing, 450/451/452 busy or out of space). A
 * 5xx reply (550 no such user) is final, and so is anything else; a final failure is
 * thrown as Spring's {@link MailSendException} (or {@link MailAuthenticationException}
 * when the server refuses the credentials for good).
 * <p>
 * A jakarta.mail exception chains its reasons as "next exceptions", which
 * {@link Throwable#getCause()} returns: a refused recipient is an
 * {@link SMTPAddressFailedException} behind a
 * {@code SendFailedException("Invalid Addresses")}, a refused {@code MAIL FROM} or
 * {@code DATA} an {@link SMTPSendFailedException}, a dead socket a
 * {@link MessagingException} around an {@link IOException}; so the whole chain is read,
 * and the SMTP reply code where the client kept it.
 * <p>
 * A message that reached the server and only closing the connection failed is not a
 * failure at all: {@link Mailer} closes its connection later, apart from any e-mail, so
 * such a message is never sent again.
 */
final class SmtpFailures {

	/**
	 * A server reply as JavaMail puts it in its exception messages: "421 4.3.2 Shutting
	 * down".
	 */
	private static final Pattern TEMPORARY_REPLY = Pattern.compile("^4\\d\\d[ -].*", Pattern.DOTALL);

	/** No reply code kept by the client for this exception. */
	private static final int NO_CODE = Integer.MIN_VALUE;

	private SmtpFailures() {
	}

	/**
	 * What to throw when no connection to the server could be opened: the server is gone
	 * for now, unless it refused the credentials with a final reply.
	 */
	static RuntimeException connectFailed(Email email, MessagingException failure) {
		if (failure instanceof AuthenticationFailedException && !isTemporary(failure)) {
			return new MailAuthenticationException(failure);
		}
		return unavailable(email, failure);
	}

	/** What to throw when the server did not take the e-mail on an open connection. */
	static RuntimeException sendFailed(Email email, MessagingException failure) {
		if (isTemporary(failure)) {
			return unavailable(email, failure);
		}
		return new MailSendException("The SMTP server refused the e-mail: " + failure.getMessage(), failure);
	}

	/** Whether the server will likely take the same e-mail later. */
	static boolean isTemporary(MessagingException failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			if (current instanceof IOException) {
				return true;
			}
			int code = replyCode(current);
			// -1: the connection ended where a reply was due ("[EOF]")
			if (code < 0 && code != NO_CODE || code / 100 == 4) {
				return true;
			}
			if (code == NO_CODE && isTemporaryReply(current.getMessage())) {
				return true;
			}
		}
		return false;
	}

	private static int replyCode(Throwable failure) {
		if (failure instanceof SMTPSendFailedException send) {
			return send.getReturnCode();
		}
		if (failure instanceof SMTPAddressFailedException address) {
			return address.getReturnCode();
		}
		if (failure instanceof SMTPSenderFailedException sender) {
			return sender.getReturnCode();
		}
		return NO_CODE;
	}

	private static DependencyUnavailableException unavailable(Email email, MessagingException failure) {
		return new DependencyUnavailableException(Dependency.MAIL,
				"The SMTP server cannot take the e-mail to " + email.to() + " now: " + failure.getMessage(), failure);
	}

	private static boolean isTemporaryReply(String message) {
		return message != null && TEMPORARY_REPLY.matcher(message.strip()).matches();
	}

}
