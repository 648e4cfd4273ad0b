package dev.orderflow.devstack.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The OS user that runs PostgreSQL. {@code initdb} and {@code postgres} refuse to run as
 * root, and CI runs as root: then they run as an unprivileged user through
 * {@code setpriv} (util-linux, on every Linux; zonky's {@code unshare -U} fails wherever
 * user namespaces are disabled, as in many container sandboxes). That user is
 * {@code nobody} unless the system property {@value #OS_USER_PROPERTY} names another
 * existing account: nothing adds users to the machine. Anyone else runs PostgreSQL as
 * themselves.
 */
public final class PostgresUser {

	public static final String OS_USER_PROPERTY = "orderflow.postgres.os-user";

	private final List<String> prefix;

	private final int uid;

	private final int gid;

	private PostgresUser(List<String> prefix, int uid, int gid) {
		this.prefix = prefix;
		this.uid = uid;
		this.gid = gid;
	}

	/** Ourselves, or, when we are root, the unprivileged user. */
	public static PostgresUser forThisProcess() throws IOException {
		return runningAsRoot() ? unprivileged() : new PostgresUser(List.of(), -1, -1);
	}

	/** The unprivileged user that root hands PostgreSQL to. */
	public static PostgresUser unprivileged() throws IOException {
		String user = System.getProperty(OS_USER_PROPERTY, "nobody");
		int uid = Integer.parseInt(id("-u", user));
		int gid = Integer.parseInt(id("-g", user));
		return new PostgresUser(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"), uid,
				gid);
	}

	public static boolean runningAsRoot() {
		Path status = Path.of("/proc/self/status");
		if (!Files.isReadable(status)) {
			return false;
		}
		try (Stream<String> lines = Files.lines(status)) {
			// "Uid: real effective saved filesystem"
			return lines.filter((line) -> line.startsWith("Uid:"))
				.map((line) -> line.split("\\s+")[2])
				.anyMatch("0"::equals);
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * {@code command} as run by this user ({@code setpriv ... --} first, when switching).
	 */
	public List<String> command(List<String> command) {
		List<String> all = new ArrayList<>(this.prefix);
		all.addAll(command);
		return all;
	}

	/**
	 * Creates {@code directory} (and its parents) and hands it to this user, who must
	 * write in it.
	 */
	public void own(Path directory) throws IOException {
		Files.createDirectories(directory);
		if (this.uid >= 0) {
			Files.setAttribute(directory, "unix:uid", this.uid);
			Files.setAttribute(directory, "unix:gid", this.gid);
		}
	}

	/**
	 * Whether PostgreSQL runs as another user than ours (whose files we then cannot
	 * always read).
	 */
	public boolean isSwitched() {
		return this.uid >= 0;
	}

	private static String id(String option, String user) throws IOException {
		Process id = new ProcessBuilder("id", option, user).redirectErrorStream(true).start();
		try {
			if (!id.waitFor(10, TimeUnit.SECONDS) || id.exitValue() != 0) {
				id.destroyForcibly();
				throw new IOException("No OS user " + user + " to run PostgreSQL as (set -D" + OS_USER_PROPERTY + ")");
			}
			return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
