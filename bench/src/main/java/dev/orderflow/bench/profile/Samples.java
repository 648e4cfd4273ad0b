package dev.orderflow.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The stack samples of one recording as collapsed stacks: each distinct stack, its frames
 * root first and joined by {@code ;}, with how often it was sampled — the input format of
 * flame graphs. The first frame is the thread's name with its number left out
 * ({@code http-nio-8080-exec-#}), so the threads of one pool add up.
 *
 * @param stacks how often each collapsed stack was sampled
 */
public record Samples(Map<String, Long> stacks) {

	/** JFR's sampler of threads running Java code, every 10 ms with {@code profile}. */
	public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";

	/** JDK 25's sampler of CPU time, in Java and native code (JEP 509). */
	public static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";

	private static final Pattern THREAD_NUMBER = Pattern.compile("\\d+$");

	public Samples {
		stacks = Collections.unmodifiableMap(new TreeMap<>(stacks));
	}

	/**
	 * The samples of {@code eventType} in {@code recording} taken in the window
	 * {@code [from, to)}.
	 */
	public static Samples read(Path recording, String eventType, Instant from, Instant to) throws IOException {
		Map<String, Long> stacks = new TreeMap<>();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (!event.getEventType().getName().equals(eventType) || event.getStackTrace() == null
						|| event.getStartTime().isBefore(from) || !event.getStartTime().isBefore(to)) {
					continue;
				}
				stacks.merge(collapse(threadOf(event), event.getStackTrace().getFrames()), 1L, Long::sum);
			}
		}
		return new Samples(stacks);
	}

	/** Reads collapsed stacks as written by {@link #lines()}. */
	public static Samples parse(List<String> lines) {
		Map<String, Long> stacks = new TreeMap<>();
		for (String line : lines) {
			int space = line.lastIndexOf(' ');
			if (space > 0) {
				stacks.merge(line.substring(0, space), Long.parseLong(line.substring(space + 1).trim()), Long::sum);
			}
		}
		return new Samples(stacks);
	}

	/** One line per stack: {@code thread;frame;...;leaf count}. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		this.stacks.forEach((stack, count) -> lines.add(stack + " " + count));
		return lines;
	}

	public long total() {
		return this.stacks.values().stream().mapToLong(Long::longValue).sum();
	}

	/** Each stack's frames, root first, without the thread. */
	static List<String> frames(String stack) {
		List<String> parts = List.of(stack.split(";"));
		return parts.subList(1, parts.size());
	}

	/** The thread a stack was sampled on, as its first frame names it. */
	static String thread(String stack) {
		int semicolon = stack.indexOf(';');
		return (semicolon < 0) ? stack : stack.substring(0, semicolon);
	}

	static String collapse(String thread, List<RecordedFrame> leafFirst) {
		StringBuilder stack = new StringBuilder(threadGroup(thread));
		for (int i = leafFirst.size() - 1; i >= 0; i--) {
			RecordedMethod method = leafFirst.get(i).getMethod();
			String name = (method == null) ? "[unknown]" : method.getType().getName() + "." + method.getName();
			// the separators of the format may not appear inside a frame
			stack.append(';').append(name.replace(';', ':').replace(' ', '_'));
		}
		return stack.toString();
	}

	static String threadGroup(String thread) {
		return THREAD_NUMBER.matcher(thread).replaceFirst("#").replace(';', ':').replace(' ', '_');
	}

	private static String threadOf(RecordedEvent event) {
		RecordedThread thread = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
		return (thread == null || thread.getJavaName() == null) ? "[unknown thread]" : thread.getJavaName();
	}

}
