package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.Series;

import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * One chart of the detail view, as inline SVG: lines over the buckets of a {@link Series} (a dot for a value alone
 * between gaps), a value axis from 0 with three grid lines, a time axis (UTC) and a legend; the hover read-out ({@link ChartAssets#SCRIPT}) finds the bucket
 * under the pointer from the plot area given in {@code data-x0}, {@code data-w} and {@code data-n}.
 */
final class LineChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 52;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int BOTTOM = 196;
    private static final int LABELS = 4;

    private LineChart() {
    }

    /** A line: its legend label, its colour class ({@code c0}…{@code c3}) and its value per bucket. */
    record Line(String label, String color, double[] values) {
    }

    /** The value of every bucket of {@code series}. */
    static double[] values(Series series, IntToDoubleFunction value) {
        double[] values = new double[series.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.applyAsDouble(i);
        }
        return values;
    }

    /** Appends a {@code <figure>} named {@code key} with {@code title} ({@code unit}) and {@code lines}. */
    static void render(StringBuilder html, String key, String title, String unit, Series series, List<Line> lines) {
        double max = 0;
        for (Line line : lines) {
            max = Math.max(max, SvgPath.max(line.values()));
        }
        double top = SvgPath.niceTop(max);
        int width = WIDTH - LEFT - RIGHT;
        int height = BOTTOM - TOP;
        String caption = title + " (" + unit + ")";
        html.append("<figure class=\"chart\" data-chart=\"").append(HtmlPage.escape(key)).append("\"><figcaption>")
                .append(HtmlPage.escape(caption));
        for (Line line : lines) {
            html.append(" <span class=\"key\"><i class=\"").append(line.color()).append("\"></i>")
                    .append(HtmlPage.escape(line.label())).append("</span>");
        }
        html.append("</figcaption>\n<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(HtmlPage.escape(caption)).append("\" data-x0=\"")
                .append(LEFT).append("\" data-w=\"").append(width).append("\" data-n=\"").append(series.size())
                .append("\">");
        html.append("<g class=\"grid\">");
        for (int step = 0; step <= 2; step++) {
            double y = BOTTOM - step * height / 2.0;
            html.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + width).append("\" y1=\"")
                    .append(SvgPath.coordinate(y)).append("\" y2=\"").append(SvgPath.coordinate(y)).append("\"/>");
        }
        html.append("</g><g class=\"axis\">");
        for (int step = 0; step <= 2; step++) {
            double y = BOTTOM - step * height / 2.0;
            html.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(SvgPath.coordinate(y + 4))
                    .append("\" text-anchor=\"end\">").append(HtmlPage.escape(HtmlPage.display(top * step / 2)))
                    .append("</text>");
        }
        timeLabels(html, series, width);
        html.append("</g>");
        for (int l = lines.size() - 1; l >= 0; l--) { // the first line of the legend on top
            Line line = lines.get(l);
            html.append("<path class=\"line ").append(line.color()).append("\" d=\"")
                    .append(SvgPath.of(line.values(), LEFT, width, BOTTOM, height, top)).append("\"/>");
            for (double[] dot : SvgPath.alone(line.values(), LEFT, width, BOTTOM, height, top)) {
                html.append("<circle class=\"dot ").append(line.color()).append("\" cx=\"")
                        .append(SvgPath.coordinate(dot[0])).append("\" cy=\"").append(SvgPath.coordinate(dot[1]))
                        .append("\" r=\"3\"/>");
            }
        }
        html.append("<line class=\"guide\" x1=\"0\" x2=\"0\" y1=\"").append(TOP).append("\" y2=\"").append(BOTTOM)
                .append("\" visibility=\"hidden\"/></svg></figure>\n");
    }

    /** A time label every quarter of the window, on bucket boundaries that are round times. */
    private static void timeLabels(StringBuilder html, Series series, int width) {
        int n = series.size();
        int every = Math.max(1, n / LABELS);
        long firstBucket = series.start().toEpochMilli() / series.bucket().toMillis();
        for (int i = 0; i < n; i++) {
            if ((firstBucket + i) % every == 0) {
                double x = LEFT + (double) i * width / n;
                html.append("<line class=\"tick\" x1=\"").append(SvgPath.coordinate(x)).append("\" x2=\"")
                        .append(SvgPath.coordinate(x)).append("\" y1=\"").append(BOTTOM).append("\" y2=\"")
                        .append(BOTTOM + 4).append("\"/><text x=\"").append(SvgPath.coordinate(x)).append("\" y=\"")
                        .append(BOTTOM + 18).append("\" text-anchor=\"middle\">")
                        .append(TimeLabels.clock(series.bucketStart(i), series.bucket())).append("</text>");
            }
        }
    }
}
