package dev.orderflow.bench;

import java.util.List;
import java.util.Locale;

/**
 * Two HTML fragments with inline SVG for the HTML report: latency over the time of each
 * scenario (p50 thin, p99 thick, log scale, so a queue that keeps growing shows as a
 * rising line), and the saga's time per hop as stacked bars (p50 and p99 of each hop).
 */
final class TimelinePlot {

	private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };

	private static final String[] HOP_COLOURS = { "#4e79a7", "#f28e2b", "#59a14f" };

	private static final int WIDTH = 900;

	private static final int HEIGHT = 420;

	private static final int LEFT = 70;

	private static final int RIGHT = 20;

	private static final int TOP = 20;

	private static final int BOTTOM = 50;

	private TimelinePlot() {
	}

	/** Latency over time of every scenario with a timeline, or nothing. */
	static String latencyOverTime(List<ScenarioResult> scenarios) {
		List<ScenarioResult> lines = scenarios.stream().filter((s) -> !s.timeline().isEmpty()).toList();
		if (lines.isEmpty()) {
			return "";
		}
		double end = lines.stream().flatMap((s) -> s.timeline().stream()).mapToDouble((p) -> p[0]).max().orElse(1);
		double low = lines.stream()
			.flatMap((s) -> s.timeline().stream())
			.mapToDouble((p) -> p[1])
			.filter((v) -> v > 0)
			.min()
			.orElse(1);
		double high = lines.stream().flatMap((s) -> s.timeline().stream()).mapToDouble((p) -> p[2]).max().orElse(10);
		double[] range = { Math.pow(10, Math.floor(Math.log10(low))),
				Math.max(Math.pow(10, Math.ceil(Math.log10(Math.max(high, low)))), 10 * low) };
		StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
				"<h2>Latency over time</h2>%n<p>Each scenario from its first order: p50 (thin) and p99 (thick)"
						+ " of the orders that ended in each slice of time. A line that keeps rising is a queue"
						+ " that keeps growing.</p>%n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
						+ " height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT));
		int plotBottom = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", LEFT, TOP,
				WIDTH - LEFT - RIGHT, plotBottom - TOP));
		for (int i = 0; i <= 5; i++) {
			double seconds = end * i / 5;
			double x = x(seconds, end);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\""
							+ " text-anchor=\"middle\">%.0f s</text>%n",
					x, TOP, x, plotBottom, x, plotBottom + 18, seconds));
		}
		for (double ms = range[0]; ms <= range[1] * 1.0001; ms *= 10) {
			double y = y(ms, range);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\""
							+ " text-anchor=\"end\">%s ms</text>%n",
					LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, label(ms)));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">seconds since the scenario's first order</text>%n",
				(WIDTH + LEFT) / 2, HEIGHT - 8));
		for (int i = 0; i < lines.size(); i++) {
			ScenarioResult scenario = lines.get(i);
			String colour = COLOURS[i % COLOURS.length];
			StringBuilder p50 = new StringBuilder();
			StringBuilder p99 = new StringBuilder();
			for (double[] slice : scenario.timeline()) {
				double x = x(slice[0], end);
				p50.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(Math.max(slice[1], range[0]), range)));
				p99.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(Math.max(slice[2], range[0]), range)));
			}
			svg.append(String.format(Locale.ROOT,
					"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1\" points=\"%s\"/>%n", colour, p50));
			svg.append(String.format(Locale.ROOT,
					"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\" points=\"%s\"/>%n", colour, p99));
			int legendY = TOP + 18 + i * 18;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\""
							+ " y=\"%d\">%s %s</text>%n",
					LEFT + 12, legendY - 4, LEFT + 36, legendY - 4, colour, LEFT + 42, legendY, scenario.target(),
					scenario.shapeKey()));
		}
		return svg.append("</svg>\n").toString();
	}

	/**
	 * The saga's hops as stacked bars per scenario: one bar of the p50s, one of the p99s
	 * (each hop's own p99: their sum is not the saga's p99), or nothing.
	 */
	static String hops(List<ScenarioResult> scenarios) {
		List<ScenarioResult> sagas = scenarios.stream().filter((s) -> !s.hops().isEmpty()).toList();
		if (sagas.isEmpty()) {
			return "";
		}
		int barHeight = 22;
		int rowHeight = 2 * barHeight + 24;
		int height = TOP + sagas.size() * rowHeight + 40;
		double widest = 1;
		for (ScenarioResult saga : sagas) {
			widest = Math.max(widest, sum(saga.hops(), false));
			widest = Math.max(widest, sum(saga.hops(), true));
		}
		int labelWidth = 150;
		double scale = (WIDTH - labelWidth - RIGHT - 60) / widest;
		StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
				"<h2>Where a saga spends its time</h2>%n<p>Per hop, from the Kafka timestamps of each order's"
						+ " events and the time of its POST: p50 and p99 of each hop, stacked (each hop's own"
						+ " p99, so the p99 bar is longer than the saga's p99).</p>%n<svg"
						+ " xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
						+ " font-size=\"12\">%n",
				WIDTH, height));
		for (int i = 0; i < sagas.size(); i++) {
			ScenarioResult saga = sagas.get(i);
			int y = TOP + i * rowHeight;
			svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\" font-weight=\"bold\">saga %s</text>%n",
					y + 12, saga.shapeKey()));
			bar(svg, saga.hops(), false, labelWidth, y + 18, barHeight, scale);
			bar(svg, saga.hops(), true, labelWidth, y + 18 + barHeight + 2, barHeight, scale);
		}
		int legendY = height - 14;
		for (int h = 0; h < 3; h++) {
			int x = labelWidth + h * 240;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
					x, legendY - 11, HOP_COLOURS[h], x + 18, legendY, escape(sagas.get(0).hops().get(h).hop())));
		}
		return svg.append("</svg>\n").toString();
	}

	private static void bar(StringBuilder svg, List<Hops.HopReport> hops, boolean p99, int left, int y, int height,
			double scale) {
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 6,
				y + height - 7, p99 ? "p99" : "p50"));
		double x = left;
		for (int h = 0; h < 3 && h < hops.size(); h++) {
			long ms = p99 ? hops.get(h).p99() : hops.get(h).p50();
			double width = ms * scale;
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %d ms</title></rect>%n",
					x, y, width, height, HOP_COLOURS[h], escape(hops.get(h).hop()), ms));
			if (width > 40) {
				svg.append(String.format(Locale.ROOT,
						"<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"white\">%d ms</text>%n", x + width / 2,
						y + height - 7, ms));
			}
			x += width;
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.0f ms</text>%n", x + 6, y + height - 7,
				sum(hops, p99)));
	}

	private static double sum(List<Hops.HopReport> hops, boolean p99) {
		return hops.stream().limit(3).mapToDouble((h) -> p99 ? h.p99() : h.p50()).sum();
	}

	private static double x(double seconds, double end) {
		return LEFT + seconds / Math.max(end, 1e-9) * (WIDTH - LEFT - RIGHT);
	}

	private static double y(double ms, double[] range) {
		double span = Math.log10(range[1]) - Math.log10(range[0]);
		double fraction = (Math.log10(ms) - Math.log10(range[0])) / span;
		return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP);
	}

	private static String label(double ms) {
		return (ms >= 1) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.3g", ms);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
