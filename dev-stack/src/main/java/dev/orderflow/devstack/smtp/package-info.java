/**
 * The SMTP catcher: accepts any mail on 127.0.0.1 and keeps each as an {@code .eml} file,
 * so the notification e-mails of the saga can be read without a real mail server.
 */
package dev.orderflow.devstack.smtp;
