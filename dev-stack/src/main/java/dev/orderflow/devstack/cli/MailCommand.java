package dev.orderflow.devstack.cli;

import java.text.SimpleDateFormat;
import java.util.List;

import picocli.CommandLine.Command;

import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.smtp.Mailbox.Mail;
import dev.orderflow.devstack.smtp.Mailbox;

/**
 * {@code mail}: the e-mails the SMTP catcher received, oldest first.
 */
@Command(name = "mail", description = "List the e-mails the SMTP catcher received.")
final class MailCommand extends StackCommand {

	MailCommand(Terminal terminal) {
		super(terminal);
	}

	@Override
	int run() {
		List<Mail> mails = new Mailbox(context().dataDir().mail()).list();
		if (mails.isEmpty()) {
			context().out().println("No mail received yet (" + context().dataDir().mail() + ").");
			return 0;
		}
		SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
		context().out().printf("%-19s  %-30s  %s%n", "DATE", "TO", "SUBJECT");
		for (Mail mail : mails) {
			context().out()
				.printf("%-19s  %-30s  %s%n", mail.sent().map(format::format).orElse("?"), mail.to(), mail.subject());
		}
		context().out().println(mails.size() + " mail(s) in " + context().dataDir().mail());
		return 0;
	}

}
