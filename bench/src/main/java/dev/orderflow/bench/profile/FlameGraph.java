package dev.orderflow.bench.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws collapsed stacks as a flame graph in plain SVG (no script): the root at the
 * bottom, each frame as wide as the samples it was on, its callees stacked on top in
 * alphabetical order; each frame coloured by the {@link FrameKind} of its own library,
 * with its full name, samples and share as a tooltip. Frames narrower than two pixels are
 * left out, which keeps the file small enough to keep in the repository.
 */
public final class FlameGraph {

	static final int WIDTH = 1200;

	static final int FRAME_HEIGHT = 16;

	private static final int MARGIN = 10;

	private static final int TOP = 60;

	private static final double CHAR_WIDTH = 6.6;

	private static final double MIN_WIDTH = 2;

	private final String title;

	private final Node root = new Node("all");

	public FlameGraph(String title, Samples samples) {
		this.title = title;
		samples.stacks().forEach((stack, count) -> this.root.add(List.of(stack.split(";")), count));
	}

	/** The SVG document. */
	public String svg() {
		double scale = (WIDTH - 2.0 * MARGIN) / Math.max(1, this.root.samples);
		int depth = this.root.depth(scale);
		int height = TOP + depth * FRAME_HEIGHT + 3 * MARGIN + FRAME_HEIGHT * legendRows();
		StringBuilder svg = new StringBuilder();
		svg.append(
				String.format(Locale.ROOT,
						"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
								+ "font-family=\"Verdana, sans-serif\" font-size=\"11\">%n",
						WIDTH, height, WIDTH, height));
		svg.append(styles());
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, height));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"16\">%s</text>%n", MARGIN,
				escape(this.title)));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"44\" fill=\"#555555\">%d samples; "
						+ "width: share of the samples; hover a frame for its full name</text>%n",
				MARGIN, this.root.samples));
		legend(svg, TOP + depth * FRAME_HEIGHT + 2 * MARGIN);
		int baseline = TOP + (depth - 1) * FRAME_HEIGHT;
		draw(svg, this.root, MARGIN, baseline, scale);
		return svg.append("</svg>\n").toString();
	}

	private void draw(StringBuilder svg, Node node, double x, int y, double scale) {
		double width = node.samples * scale;
		if (width < MIN_WIDTH) {
			return;
		}
		FrameKind kind = FrameKind.ofFrame(node.name);
		String tooltip = String.format(Locale.ROOT, "%s (%d samples, %s)", node.name, node.samples,
				HotFrames.percent(node.samples, this.root.samples));
		svg.append(String.format(Locale.ROOT,
				"<g><title>%s</title><rect class=\"k%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
				escape(tooltip), kind.ordinal(), x, y, width, FRAME_HEIGHT - 1));
		String label = label(HotFrames.shortName(node.name), width);
		if (!label.isEmpty()) {
			svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x + 3, y + FRAME_HEIGHT - 4,
					escape(label)));
		}
		svg.append("</g>\n");
		double childX = x;
		for (Node child : node.children.values()) {
			draw(svg, child, childX, y - FRAME_HEIGHT, scale);
			childX += child.samples * scale;
		}
	}

	/**
	 * One colour per kind, as classes: shorter than a fill on each of thousands of
	 * frames.
	 */
	private static String styles() {
		StringBuilder css = new StringBuilder("<style>g rect{stroke:#ffffff;stroke-width:0.5}");
		for (FrameKind kind : FrameKind.values()) {
			css.append(".k").append(kind.ordinal()).append("{fill:").append(kind.colour()).append('}');
		}
		return css.append("</style>\n").toString();
	}

	private static int legendRows() {
		return (FrameKind.values().length + 3) / 4;
	}

	private static void legend(StringBuilder svg, int top) {
		FrameKind[] kinds = FrameKind.values();
		int columnWidth = (WIDTH - 2 * MARGIN) / 4;
		for (int i = 0; i < kinds.length; i++) {
			int x = MARGIN + (i % 4) * columnWidth;
			int y = top + (i / 4) * FRAME_HEIGHT;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
					x, y, kinds[i].colour(), x + 16, y + 10, escape(kinds[i].label())));
		}
	}

	/** The label that fits {@code width} pixels: whole, cut with "..", or none. */
	static String label(String name, double width) {
		int fits = (int) ((width - 6) / CHAR_WIDTH);
		if (fits >= name.length()) {
			return name;
		}
		return (fits < 4) ? "" : name.substring(0, fits - 2) + "..";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** A frame in the tree of stacks: its samples include those of its callees. */
	private static final class Node {

		private final String name;

		private final Map<String, Node> children = new TreeMap<>();

		private long samples;

		private Node(String name) {
			this.name = name;
		}

		private void add(List<String> frames, long count) {
			this.samples += count;
			if (!frames.isEmpty()) {
				this.children.computeIfAbsent(frames.get(0), Node::new).add(frames.subList(1, frames.size()), count);
			}
		}

		/** Rows needed for the frames wide enough to draw, this one included. */
		private int depth(double scale) {
			if (this.samples * scale < MIN_WIDTH) {
				return 0;
			}
			int deepest = 0;
			for (Node child : this.children.values()) {
				deepest = Math.max(deepest, child.depth(scale));
			}
			return 1 + deepest;
		}

	}

}
