package dev.orderflow.devstack.cli;

import java.text.SimpleDateFormat;
import java.util.List;

import dev.orderflow.devstack.smtp.Mailbox;
import dev.orderflow.devstack.smtp.Mailbox.Mail;

/**
 * {@code mail}: the e-mails the SMTP catcher received, oldest first.
 */
final class MailCommand {

	private final Context context;

	MailCommand(Context context) {
		this.context = context;
	}

	int run() {
		List<Mail> mails = new Mailbox(this.context.dataDir().mail()).list();
		if (mails.isEmpty()) {
			this.context.out().println("No mail received yet (" + this.context.dataDir().mail() + ").");
			return 0;
		}
		SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
		this.context.out().printf("%-19s  %-30s  %s%n", "DATE", "TO", "SUBJECT");
		for (Mail mail : mails) {
			this.context.out()
				.printf("%-19s  %-30s  %s%n", mail.sent().map(format::format).orElse("?"), mail.to(), mail.subject());
		}
		this.context.out().println(mails.size() + " mail(s) in " + this.context.dataDir().mail());
		return 0;
	}

}
