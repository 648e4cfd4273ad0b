package dev.orderflow.devstack.process;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The end of a log file, and {@code tail -f} in plain Java so it works on every OS.
 */
public final class LogTail {

	private static final int TAIL_BYTES = 64 * 1024;

	private LogTail() {
	}

	/** The last {@code count} lines of the file (empty when there is no file). */
	public static List<String> lastLines(Path file, int count) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long start = Math.max(0, raf.length() - TAIL_BYTES);
			byte[] bytes = new byte[(int) (raf.length() - start)];
			raf.seek(start);
			raf.readFully(bytes);
			List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			return lines.subList(Math.max(0, lines.size() - count), lines.size());
		}
		catch (IOException ex) {
			return List.of("(cannot read " + file + ": " + ex.getMessage() + ")");
		}
	}

	/** The last lines, indented, ready to append to an error message. */
	public static String excerpt(Path file, int count) {
		List<String> lines = lastLines(file, count);
		if (lines.isEmpty()) {
			return "  (" + file + " is empty)";
		}
		return "  last " + lines.size() + " lines of " + file + ":" + System.lineSeparator() + "    "
				+ String.join(System.lineSeparator() + "    ", lines);
	}

	/**
	 * Prints the last lines, then what gets appended, until {@code keepGoing} says stop.
	 */
	public static void follow(Path file, int initialLines, PrintStream out, BooleanSupplier keepGoing)
			throws IOException, InterruptedException {
		lastLines(file, initialLines).forEach(out::println);
		long position = Files.size(file);
		byte[] buffer = new byte[8192];
		while (keepGoing.getAsBoolean()) {
			long size = Files.size(file);
			if (size < position) {
				// truncated (e.g. up --clean): start over
				position = 0;
			}
			if (size > position) {
				try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
					raf.seek(position);
					int read;
					while ((read = raf.read(buffer)) > 0) {
						out.write(buffer, 0, read);
						position += read;
					}
					out.flush();
				}
			}
			else {
				Thread.sleep(250);
			}
		}
	}

}
