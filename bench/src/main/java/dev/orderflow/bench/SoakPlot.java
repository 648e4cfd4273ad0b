package dev.orderflow.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soak's lines over time, one inline SVG per measured quantity (inbox rows, outbox
 * rows, database files, RSS), one line per service or process; linear axes from zero, so
 * a line that levels off looks flat.
 */
final class SoakPlot {

	private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };

	private static final int WIDTH = 900;

	private static final int HEIGHT = 320;

	private static final int LEFT = 80;

	private static final int RIGHT = 20;

	private static final int TOP = 20;

	private static final int BOTTOM = 45;

	private SoakPlot() {
	}

	/** An HTML fragment: a heading and one plot per group. */
	static String html(SoakReport soak) {
		Map<String, List<SoakReport.Series>> groups = new LinkedHashMap<>();
		for (SoakReport.Series series : soak.series()) {
			groups.computeIfAbsent(series.group(), (g) -> new java.util.ArrayList<>()).add(series);
		}
		double endSeconds = soak.series()
			.stream()
			.flatMap((s) -> s.points().stream())
			.mapToDouble((p) -> p[0])
			.max()
			.orElse(1);
		StringBuilder html = new StringBuilder("<h2>Soak: footprint over time</h2>\n");
		groups.forEach((group, lines) -> html.append("<h3>")
			.append(group)
			.append("</h3>\n")
			.append(svg(lines, Math.max(endSeconds, 1))));
		return html.toString();
	}

	private static String svg(List<SoakReport.Series> lines, double endSeconds) {
		double top = lines.stream().flatMap((s) -> s.points().stream()).mapToDouble((p) -> p[1]).max().orElse(1);
		top = niceCeiling(Math.max(top * 1.05, 1));
		StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT));
		int plotBottom = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", LEFT, TOP,
				WIDTH - LEFT - RIGHT, plotBottom - TOP));
		for (int i = 0; i <= 5; i++) {
			double seconds = endSeconds * i / 5;
			double value = top * i / 5;
			double x = x(seconds, endSeconds);
			double y = y(value, top);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f s</text>%n",
					x, TOP, x, plotBottom, x, plotBottom + 18, seconds));
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
					LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, label(value)));
		}
		for (int i = 0; i < lines.size(); i++) {
			SoakReport.Series line = lines.get(i);
			String colour = COLOURS[i % COLOURS.length];
			StringBuilder points = new StringBuilder();
			for (double[] p : line.points()) {
				points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p[0], endSeconds), y(p[1], top)));
			}
			svg.append(String.format(Locale.ROOT,
					"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour, points));
			int legendY = TOP + 16 + i * 16;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
					LEFT + 12, legendY - 4, LEFT + 36, legendY - 4, colour, LEFT + 42, legendY, line.name()));
		}
		return svg.append("</svg>\n").toString();
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String label(double value) {
		return (value >= 10 || value == 0) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2g", value);
	}

	private static double x(double seconds, double endSeconds) {
		return LEFT + seconds / endSeconds * (WIDTH - LEFT - RIGHT);
	}

	private static double y(double value, double top) {
		return HEIGHT - BOTTOM - value / top * (HEIGHT - BOTTOM - TOP);
	}

}
