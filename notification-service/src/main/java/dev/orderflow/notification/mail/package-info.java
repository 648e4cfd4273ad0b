/**
 * E-mail: what the customer reads for each order outcome
 * ({@link dev.orderflow.notification.mail.OrderEmails}) and how it leaves over SMTP
 * ({@link dev.orderflow.notification.mail.Mailer}).
 */
package dev.orderflow.notification.mail;
