package dev.orderflow.bench;

import java.util.List;
import java.util.Locale;

/**
 * The latency percentile curves of every scenario as one self-contained HTML page with an
 * inline SVG: x is the percentile on the usual {@code 1/(1-p)} log scale (so the tail
 * gets room), y the latency on a log scale (so the raw relay and the saga both show).
 */
final class LatencyPlot {

	private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b" };

	private static final int WIDTH = 900;

	private static final int HEIGHT = 480;

	private static final int LEFT = 70;

	private static final int RIGHT = 20;

	private static final int TOP = 20;

	private static final int BOTTOM = 50;

	private static final double MAX_X = 5; // 99.999th percentile

	private LatencyPlot() {
	}

	static String html(BenchReport report) {
		double[] range = latencyRange(report.scenarios());
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
				WIDTH, HEIGHT));
		axes(svg, range);
		List<ScenarioResult> scenarios = report.scenarios();
		for (int i = 0; i < scenarios.size(); i++) {
			curve(svg, scenarios.get(i), COLOURS[i % COLOURS.length], range, i);
		}
		svg.append("</svg>\n");
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>orderflow bench: latency by percentile</title>
				<style>body{font-family:sans-serif;margin:2em}pre{background:#f4f4f4;padding:1em}</style></head>
				<body><h1>orderflow bench: latency by percentile</h1>
				<p>%s &mdash; <code>%s</code></p>
				%s%s%s%s<pre>%s</pre></body></html>
				""".formatted(escape(report.startedAt()), escape(report.command()), svg,
				TimelinePlot.latencyOverTime(report.scenarios()), TimelinePlot.hops(report.scenarios()),
				(report.soak() != null) ? SoakPlot.html(report.soak()) : "", escape(ReportWriter.markdown(report)));
	}

	private static void axes(StringBuilder svg, double[] range) {
		int plotBottom = HEIGHT - BOTTOM;
		svg.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n", LEFT, TOP,
				WIDTH - LEFT - RIGHT, plotBottom - TOP));
		String[] labels = { "0%", "90%", "99%", "99.9%", "99.99%", "99.999%" };
		for (int decade = 0; decade <= MAX_X; decade++) {
			double x = x(decade);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
					x, TOP, x, plotBottom, x, plotBottom + 18, labels[decade]));
		}
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n",
				(WIDTH + LEFT) / 2, HEIGHT - 8));
		for (double ms = range[0]; ms <= range[1] * 1.0001; ms *= 10) {
			double y = y(ms, range);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
					LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, trim(ms)));
		}
	}

	private static void curve(StringBuilder svg, ScenarioResult scenario, String colour, double[] range, int index) {
		StringBuilder points = new StringBuilder();
		for (double[] point : scenario.curve()) {
			double percentile = Math.min(point[0], 99.999);
			double x = x(Math.log10(1 / (1 - percentile / 100)));
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(Math.max(point[1], range[0]), range)));
		}
		svg.append(String.format(Locale.ROOT,
				"<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n", colour, points));
		int legendY = TOP + 18 + index * 18;
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s %s (p99 %.1f ms)</text>%n",
				LEFT + 12, legendY - 4, LEFT + 36, legendY - 4, colour, LEFT + 42, legendY, scenario.target(),
				scenario.shapeKey(), scenario.p("p99")));
	}

	private static double[] latencyRange(List<ScenarioResult> scenarios) {
		double min = Double.MAX_VALUE;
		double max = 0;
		for (ScenarioResult scenario : scenarios) {
			for (double[] point : scenario.curve()) {
				if (point[1] > 0) {
					min = Math.min(min, point[1]);
				}
				max = Math.max(max, point[1]);
			}
		}
		if (max == 0) {
			return new double[] { 1, 10 };
		}
		double low = Math.pow(10, Math.floor(Math.log10(min)));
		double high = Math.pow(10, Math.ceil(Math.log10(max)));
		return new double[] { low, Math.max(high, low * 10) };
	}

	private static double x(double decades) {
		return LEFT + Math.min(decades, MAX_X) / MAX_X * (WIDTH - LEFT - RIGHT);
	}

	private static double y(double ms, double[] range) {
		double span = Math.log10(range[1]) - Math.log10(range[0]);
		double fraction = (Math.log10(ms) - Math.log10(range[0])) / span;
		return HEIGHT - BOTTOM - fraction * (HEIGHT - BOTTOM - TOP);
	}

	private static String trim(double ms) {
		return (ms >= 1) ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.3g", ms);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
