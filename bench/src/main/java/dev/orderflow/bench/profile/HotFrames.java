package dev.orderflow.bench.profile;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A summary of one recording's samples in Markdown: the share of each {@link FrameKind},
 * the frames that decided it (the leaf-most frame of that library, i.e. the library call
 * that was running), the hottest leaf frames and the busiest threads.
 */
public final class HotFrames {

	private final Samples samples;

	public HotFrames(Samples samples) {
		this.samples = samples;
	}

	/** Samples by kind, largest first. */
	public Map<FrameKind, Long> byKind() {
		Map<FrameKind, Long> kinds = new EnumMap<>(FrameKind.class);
		this.samples.stacks()
			.forEach((stack, count) -> kinds.merge(FrameKind.of(Samples.frames(stack)), count, Long::sum));
		return sortedByCount(kinds);
	}

	/**
	 * For each kind, the frames that decided it with their samples: the leaf-most frame
	 * that belongs to the kind's library.
	 */
	public Map<FrameKind, Map<String, Long>> decidingFrames() {
		Map<FrameKind, Map<String, Long>> frames = new EnumMap<>(FrameKind.class);
		this.samples.stacks().forEach((stack, count) -> {
			List<String> stackFrames = Samples.frames(stack);
			FrameKind kind = FrameKind.of(stackFrames);
			String deciding = stackFrames.isEmpty() ? "[no frames]" : stackFrames.get(stackFrames.size() - 1);
			for (int i = stackFrames.size() - 1; i >= 0; i--) {
				if (FrameKind.ofFrame(stackFrames.get(i)) == kind) {
					deciding = stackFrames.get(i);
					break;
				}
			}
			frames.computeIfAbsent(kind, (k) -> new TreeMap<>()).merge(deciding, count, Long::sum);
		});
		return frames;
	}

	/** Samples by leaf frame (self time), largest first. */
	public Map<String, Long> byLeaf() {
		Map<String, Long> leaves = new TreeMap<>();
		this.samples.stacks().forEach((stack, count) -> {
			List<String> frames = Samples.frames(stack);
			leaves.merge(frames.isEmpty() ? "[no frames]" : frames.get(frames.size() - 1), count, Long::sum);
		});
		return sortedByCount(leaves);
	}

	/** Samples by thread (numbers left out), largest first. */
	public Map<String, Long> byThread() {
		Map<String, Long> threads = new TreeMap<>();
		this.samples.stacks().forEach((stack, count) -> threads.merge(Samples.thread(stack), count, Long::sum));
		return sortedByCount(threads);
	}

	/** The summary as Markdown: {@code top} rows per table. */
	public String markdown(String title, int top) {
		long total = this.samples.total();
		StringBuilder md = new StringBuilder("### ").append(title).append("\n\n").append(total).append(" samples\n\n");
		md.append("| what | share | hottest frames of it |\n|---|---:|---|\n");
		Map<FrameKind, Map<String, Long>> deciding = decidingFrames();
		byKind().forEach((kind, count) -> md.append("| ")
			.append(kind.label())
			.append(" | ")
			.append(percent(count, total))
			.append(" | ")
			.append(sortedByCount(deciding.get(kind)).entrySet()
				.stream()
				.limit(3)
				.map((frame) -> "`" + shortName(frame.getKey()) + "` " + percent(frame.getValue(), total))
				.collect(Collectors.joining(", ")))
			.append(" |\n"));
		md.append("\n| leaf frame (self) | kind | share |\n|---|---|---:|\n");
		byLeaf().entrySet()
			.stream()
			.limit(top)
			.forEach((leaf) -> md.append("| `")
				.append(shortName(leaf.getKey()))
				.append("` | ")
				.append(FrameKind.ofFrame(leaf.getKey()).label())
				.append(" | ")
				.append(percent(leaf.getValue(), total))
				.append(" |\n"));
		md.append("\n| thread | share |\n|---|---:|\n");
		byThread().entrySet()
			.stream()
			.limit(top)
			.forEach((thread) -> md.append("| ")
				.append(thread.getKey())
				.append(" | ")
				.append(percent(thread.getValue(), total))
				.append(" |\n"));
		return md.toString();
	}

	/**
	 * {@code org.h2.command.Command.executeUpdate} becomes {@code Command.executeUpdate}.
	 */
	static String shortName(String frame) {
		int method = frame.lastIndexOf('.');
		int type = (method <= 0) ? -1 : frame.lastIndexOf('.', method - 1);
		return frame.substring(type + 1);
	}

	static String percent(long count, long total) {
		return String.format(Locale.ROOT, "%.1f %%", (total == 0) ? 0.0 : 100.0 * count / total);
	}

	private static <K> Map<K, Long> sortedByCount(Map<K, Long> counts) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

}
