package dev.orderflow.devstack.cli;

import java.text.SimpleDateFormat;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.smtp.Mailbox.Mail;
import dev.orderflow.devstack.smtp.Mailbox;

/**
 * {@code mail}: the e-mails the SMTP catcher received, oldest first.
 */
@Command(name = "mail", description = "List the e-mails the SMTP catcher received.")
final class MailCommand implements Callable<Integer> {

	private final Terminal terminal;

	private Context context;

	@Mixin
	private DataDirOption dataDir;

	MailCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		this.context = this.dataDir.context(this.terminal);
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
