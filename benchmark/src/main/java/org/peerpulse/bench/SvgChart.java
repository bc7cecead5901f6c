package org.peerpulse.bench;

import java.util.List;
import java.util.Locale;

/**
 * The report's charts as small SVG files: a few bars or lines with their numbers written on them and the
 * target drawn in. Our own forty lines rather than a charting library: SVG is text, so the charts diff and
 * render on any Git host, and the benchmark gains no dependency (and no AWT) for what is a handful of rectangles.
 */
final class SvgChart {

    private static final int WIDTH = 720;
    private static final int LABEL = 210;
    private static final int PLOT = 400;
    private static final String FONT = "font-family=\"sans-serif\" font-size=\"13\"";

    record Bar(String label, double value, String color) {
    }

    record Series(String name, String color, List<double[]> points) {
    }

    private SvgChart() {
    }

    /** Horizontal bars, each labelled with its value; a dashed line at {@code target} when there is one. */
    static String bars(String title, String unit, List<Bar> bars, Double target, String targetLabel) {
        double max = bars.stream().mapToDouble(Bar::value).filter(v -> !Double.isNaN(v)).max().orElse(1);
        if (target != null) {
            max = Math.max(max, target);
        }
        max = max <= 0 ? 1 : max * 1.15;
        int height = 60 + bars.size() * 34 + 20;
        StringBuilder svg = start(height, title);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 50 + i * 34;
            double value = Double.isNaN(bar.value()) ? 0 : bar.value();
            double w = value / max * PLOT;
            svg.append(text(LABEL - 8, y + 17, "end", bar.label()));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"24\" fill=\"%s\"/>%n",
                    LABEL, y, w, bar.color()));
            svg.append(text((int) (LABEL + w + 6), y + 17, "start",
                    Double.isNaN(bar.value()) ? "not measured" : number(bar.value()) + " " + unit));
        }
        if (target != null) {
            double x = LABEL + target / max * PLOT;
            int bottom = 50 + bars.size() * 34;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"40\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>%n",
                    x, x, bottom));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" %s fill=\"#c0392b\" text-anchor=\"middle\">%s</text>%n",
                    x, bottom + 16, FONT, escape(targetLabel)));
        }
        return svg.append("</svg>\n").toString();
    }

    /** Lines over time (x in seconds), with a legend; for the pipeline's produced and applied counts. */
    static String lines(String title, String yUnit, List<Series> series) {
        int height = 340;
        int left = 90;
        int top = 50;
        int plotWidth = WIDTH - left - 30;
        int plotHeight = 220;
        double maxX = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(1);
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).max().orElse(1);
        maxX = maxX <= 0 ? 1 : maxX;
        maxY = maxY <= 0 ? 1 : maxY * 1.05;
        StringBuilder svg = start(height, title);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                left, top, plotWidth, plotHeight));
        for (int tick = 0; tick <= 4; tick++) {
            int y = top + plotHeight - tick * plotHeight / 4;
            svg.append(text(left - 6, y + 4, "end", number(maxY * tick / 4)));
            int x = left + tick * plotWidth / 4;
            svg.append(text(x, top + plotHeight + 18, "middle", number(maxX * tick / 4) + " s"));
        }
        svg.append(text(left - 6, top - 10, "end", yUnit));
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            StringBuilder points = new StringBuilder();
            for (double[] p : line.points()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + p[0] / maxX * plotWidth,
                        top + plotHeight - p[1] / maxY * plotHeight));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), line.color()));
            int ly = top + plotHeight + 40;
            int lx = left + s * 220;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>%n",
                    lx, ly - 5, line.color()));
            svg.append(text(lx + 20, ly, "start", line.name()));
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder start(int height, String title) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"26\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
                escape(title)));
        return svg;
    }

    private static String text(int x, int y, String anchor, String text) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s text-anchor=\"%s\">%s</text>%n", x, y, FONT, anchor,
                escape(text));
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
