package dev.orderflow.devstack.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import dev.orderflow.devstack.Terminal;
import dev.orderflow.devstack.workshop.DoctorCommand;
import dev.orderflow.devstack.workshop.EventsCommand;
import dev.orderflow.devstack.workshop.LabCommand;

/**
 * {@code ./orderflow} itself: its subcommands, and the overview that
 * {@code ./orderflow help} prints. The overview is written by hand rather than generated:
 * it groups the commands the way the labs use them and names the ports; each command's
 * {@code --help} is picocli's.
 */
@Command(name = "./orderflow",
		subcommands = { UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class, KillCommand.class,
				MailCommand.class, TokenCommand.class, DeadLetterCommand.class, BenchCommand.class, EventsCommand.class,
				DoctorCommand.class, LabCommand.class, CompletionCommand.class, HelpCommand.class })
final class OrderflowCommand implements Callable<Integer> {

	static final String OVERVIEW = """
			orderflow: the local platform (Kafka in KRaft mode, schema registry, SMTP catcher, the services)

			Usage: ./orderflow COMMAND [options]

			Commands:
			  up               start everything in the foreground; Ctrl-C stops it all
			  up -d            start detached: wait until ready, print the URLs, return;
			                   when part of the stack runs, start only what is missing
			  up --clean       wipe the data directory first (Kafka data, databases, logs, mail)
			  up --only a,b    start only these components (e.g. --only kafka,smtp)
			  up --postgres    keep the services' data in one PostgreSQL (127.0.0.1:5432, a database each)
			                   instead of H2 files
			  up --instances N run N instances of each service (needs --postgres: an H2 file
			                   serves one process); instance k on port + 100·(k−1), e.g. 8180
			  up --brokers 3   a three-node Kafka cluster (9092, 9192, 9292; controllers 9093, 9193, 9293),
			                   topics with 3 replicas, 2 in sync; changing it needs --clean
			                   (a later up -d without these options keeps what the data directory ran)
			  down             stop a detached stack
			  status           show each process: pid, port, alive, ready
			  logs NAME        follow one log; NAME is one of:
			                   postgres, kafka, smtp, auth-server, schema-registry, order-service, inventory-service,
			                   notification-service; NAME-k for instance k (order-service-2, kafka-3)
			  kill NAME        SIGKILL one process (a crash, for the fault labs); up -d restarts it
			  mail             list the e-mails the SMTP catcher received
			  token customer ID | token operator
			                   sign a demo user (c-1, c-2, operator) in at the authorization server
			                   and print an access token: TOKEN=$(./orderflow token customer c-1)
			  dlt list         the dead letters of order-, inventory- and notification-service
			  dlt replay SERVICE ID|--all
			                   re-publish one dead letter (or all not replayed yet) after a fix
			  bench [args]     load the running stack and compare it with a raw Kafka relay;
			                   ./orderflow bench --help lists its options (reports in target/bench/)
			  events TOPIC     the last records of a topic with their event type
			                   (-n N, default 20; --key ORDER_ID to follow one order)
			  doctor           check this machine for the workshop: Java, free ports, disk, memory
			  lab check N      check your result of lab N (docs/labs/)
			  completion       print the bash completion script: source <(./orderflow completion)
			  help [COMMAND]   this text, or the options of one command (also: ./orderflow COMMAND --help)

			Options:
			  --data-dir DIR   where data, logs and pid files live
			                   (default: $ORDERFLOW_HOME, else .orderflow/ in the repository)

			Ports (127.0.0.1): Kafka 9092 (controller 9093), registry 8081, order-service 8080,
			inventory-service 8082, notification-service 8083, SMTP 3025, PostgreSQL 5432.
			""";

	// inherited, so every command takes --help; picocli answers it before the command
	// runs
	@Option(names = { "-h", "--help" }, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
	private boolean help;

	private final Terminal terminal;

	OrderflowCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	/** {@code ./orderflow} without a command: the overview, as {@code help} prints it. */
	@Override
	public Integer call() {
		this.terminal.out().print(OVERVIEW);
		return 0;
	}

}
