package dev.orderflow.notification;

/**
 * Whether the e-mail of a notification left for the SMTP server.
 */
public enum NotificationStatus {

	/** The SMTP server accepted the message. */
	SENT,

	/**
	 * The message can never be sent (e.g. the address is malformed); retrying would not
	 * help.
	 */
	FAILED

}
