package dev.orderflow.notification.mail;

/**
 * A plain-text e-mail to one recipient.
 *
 * @param to the recipient's address
 * @param subject one line, no line breaks
 * @param body plain text
 */
public record Email(String to, String subject, String body) {

}
