package dev.orderflow.notification.mail;

/**
 * A plain-text e-mail to one recipient.
 *
 * @param to the recipient's address
 * @param subject one line, no line breaks
 * @param body plain text
 * @param id what makes a second sending the same e-mail (for an order's e-mails: the id
 * of the event they tell about), or {@code null} for an e-mail that has no such identity.
 * It becomes the message's {@code Message-ID}: SMTP cannot tell the client whether a
 * server that went away after the content took the message, so the e-mail is sent again,
 * and mail systems show copies with one {@code Message-ID} as one message.
 */
public record Email(String to, String subject, String body, String id) {

	/** An e-mail without an identity of its own: each sending gets a new Message-ID. */
	public Email(String to, String subject, String body) {
		this(to, subject, body, null);
	}

}
