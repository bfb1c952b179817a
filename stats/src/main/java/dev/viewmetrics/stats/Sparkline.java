package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import dev.viewmetrics.stats.history.Series;
import io.micrometer.core.instrument.Meter;

/**
 * The "last hour" cell of a timer row: an inline SVG sparkline of the events per second (class {@code r}) and of
 * the p99 wall time, or the mean where the timer keeps no percentiles (class {@code t}), each on its own scale,
 * linking to the row's detail view ({@code ?row=ID}). Sorting by the column sorts by the events of the hour.
 */
final class Sparkline {

    /** The column's cell in the upper header row. */
    static final String GROUP_HEADER = "<th class=\"g\">last hour</th>";
    /** The column's cell in the lower header row. */
    static final String HEADER = "<th class=\"n g\" title=\"events per second (blue) and p99 or mean wall time "
            + "(orange) by minute over the last hour; click a line for its charts\">/s &middot; ms</th>";

    private static final int WIDTH = 120;
    private static final int HEIGHT = 28;
    private static final int PAD = 2;

    private Sparkline() {
    }

    /** The cell for the timer {@code meter}; empty while it has no history. */
    static void cell(StringBuilder html, History history, Meter.Id meter) {
        String id = history.id(meter);
        Series hour = id == null ? null : history.lastHour(meter);
        if (hour == null) {
            html.append("<td class=\"n g spark\" data-v=\"\"></td>");
            return;
        }
        double[] rate = LineChart.values(hour, hour::rate);
        boolean p99 = hour.hasP99();
        double[] time = LineChart.values(hour, p99 ? hour::p99 : hour::mean);
        double count = 0;
        for (int i = 0; i < hour.size(); i++) {
            count += hour.known(i) ? hour.count(i) : 0;
        }
        double rateTop = SvgPath.max(rate) > 0 ? SvgPath.max(rate) : 1;
        double timeTop = SvgPath.max(time) > 0 ? SvgPath.max(time) : 1;
        String summary = "last " + TimeLabels.length(history.minute().multipliedBy(hour.size())) + ": "
                + HtmlPage.display(count) + " events, up to " + HtmlPage.display(SvgPath.max(rate)) + "/s; "
                + (p99 ? "p99" : "mean") + " up to " + HtmlPage.display(SvgPath.max(time)) + " ms";
        html.append("<td class=\"n g spark\" data-v=\"").append(JsonWriter.number(count))
                .append("\"><a href=\"?row=").append(HtmlPage.escape(id)).append("\" aria-label=\"")
                .append(HtmlPage.escape(summary)).append("\"><svg viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\"><title>").append(HtmlPage.escape(summary)).append("</title><line class=\"b\" x1=\"0\" x2=\"")
                .append(WIDTH).append("\" y1=\"").append(HEIGHT - PAD).append("\" y2=\"").append(HEIGHT - PAD)
                .append("\"/><path class=\"r\" d=\"")
                .append(SvgPath.of(rate, 0, WIDTH, HEIGHT - PAD, HEIGHT - 2 * PAD, rateTop))
                .append("\"/><path class=\"t\" d=\"")
                .append(SvgPath.of(time, 0, WIDTH, HEIGHT - PAD, HEIGHT - 2 * PAD, timeTop))
                .append("\"/></svg></a></td>");
    }
}
