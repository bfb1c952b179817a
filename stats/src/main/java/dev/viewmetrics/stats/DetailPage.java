package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.Series;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * The detail view of one timer row ({@code ?row=ID}): its last hour by minute and its last 24 hours by ten minutes,
 * each as charts of wall time (mean, p99, max), rate, CPU time, allocation and server errors (those it has), with a
 * read-out of the bucket under the pointer. Every name and tag is escaped; the row id is 16 hex digits.
 */
final class DetailPage {

    private static final double KIB = 1024;

    private DetailPage() {
    }

    static String render(Meter.Id meter, String id, Series hour, Series day, HtmlPage.Info info) {
        StringBuilder html = new StringBuilder(64 * 1024);
        HtmlPage.head(html, "viewmetrics stats \u00b7 " + meter.getName() + " " + routeOf(meter));
        html.append("<header><h1><a href=\"?\">viewmetrics</a></h1><p class=\"meta\">pid ").append(info.pid())
                .append(" &middot; ").append(HtmlPage.escape(info.timestamp().toString()))
                .append(" &middot; <a href=\"?\">all rows</a> &middot; <a href=\"?format=prettyjson&amp;history=true")
                .append("&amp;row=").append(HtmlPage.escape(id)).append("\">json</a></p>\n<h2>")
                .append(HtmlPage.escape(meter.getName())).append("</h2>\n<p class=\"tags\">");
        List<String> tags = new ArrayList<>();
        for (Tag tag : meter.getTagsAsIterable()) {
            tags.add(tag.getKey() + "=" + tag.getValue());
        }
        html.append(HtmlPage.escape(String.join(" \u00b7 ", tags))).append("</p></header>\n<main>\n");
        Charts charts = new Charts(hour.hasP99() || day.hasP99(), hour.hasCpu() || day.hasCpu(),
                hour.hasAllocated() || day.hasAllocated(), hour.hasErrors());
        section(html, "hour", hour, charts);
        section(html, "day", day, charts);
        html.append("</main>\n<footer><p>Times in milliseconds, allocation in KiB per event, UTC. Events are counted in ")
                .append("the bucket of the sampling pass that saw them; mean, CPU and allocation are exact per bucket, ")
                .append("max and p99 are the highest the meter reported while the bucket had events (its own window ")
                .append("of about two minutes). Errors are the 5xx responses of the same route and method.")
                .append("</p></footer>\n<script>").append(ChartAssets.SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    /** Which charts the row has: p99 where the timer keeps percentiles, the others where there are values. */
    private record Charts(boolean p99, boolean cpu, boolean allocated, boolean errors) {
    }

    private static void section(StringBuilder html, String key, Series series, Charts charts) {
        String length = TimeLabels.length(series.bucket().multipliedBy(series.size()));
        String every = TimeLabels.length(series.bucket());
        html.append("<section class=\"history\" data-span=\"").append(key).append("\" data-last=\"")
                .append(lastWithEvents(series)).append("\"><h2>Last ").append(HtmlPage.escape(length))
                .append(" <small>by ").append(HtmlPage.escape(every)).append(", UTC</small></h2>\n")
                .append("<p class=\"readout\" aria-live=\"polite\"></p>\n<div class=\"charts\">\n");
        List<LineChart.Line> wall = new ArrayList<>();
        wall.add(new LineChart.Line("mean", "c0", LineChart.values(series, series::mean)));
        if (charts.p99()) {
            wall.add(new LineChart.Line("p99", "c1", LineChart.values(series, series::p99)));
        }
        wall.add(new LineChart.Line("max", "c2", LineChart.values(series, series::max)));
        LineChart.render(html, "wall", "wall time", "ms", series, wall);
        LineChart.render(html, "rate", "rate", "events/s", series,
                List.of(new LineChart.Line("events/s", "c0", LineChart.values(series, series::rate))));
        if (charts.cpu()) {
            LineChart.render(html, "cpu", "CPU time", "ms, mean", series,
                    List.of(new LineChart.Line("mean", "c0", LineChart.values(series, series::cpu))));
        }
        if (charts.allocated()) {
            LineChart.render(html, "allocated", "allocated", "KiB, mean", series, List.of(new LineChart.Line(
                    "mean", "c0", LineChart.values(series, i -> series.allocated(i) / KIB))));
        }
        if (charts.errors()) {
            LineChart.render(html, "errors", "server errors", "5xx per " + every, series,
                    List.of(new LineChart.Line("5xx", "c3", LineChart.values(series, series::errors))));
        }
        html.append("</div>\n<ol class=\"readings\" hidden>");
        for (int i = 0; i < series.size(); i++) {
            html.append("<li>").append(HtmlPage.escape(readout(series, i))).append("</li>");
        }
        html.append("</ol></section>\n");
    }

    /** What the read-out says about bucket {@code i}. */
    static String readout(Series series, int i) {
        StringBuilder text = new StringBuilder(TimeLabels.clock(series.bucketStart(i), series.bucket())).append(" UTC");
        if (!series.known(i)) {
            return text.append(" \u00b7 before the history began").toString();
        }
        text.append(" \u00b7 ").append(HtmlPage.display(series.count(i))).append(" events");
        if (!Double.isNaN(series.rate(i))) {
            text.append(" \u00b7 ").append(HtmlPage.display(series.rate(i))).append("/s");
        }
        if (series.count(i) > 0) {
            text.append(" \u00b7 mean ").append(HtmlPage.display(series.mean(i))).append(" ms");
            if (!Double.isNaN(series.p99(i))) {
                text.append(" \u00b7 p99 ").append(HtmlPage.display(series.p99(i))).append(" ms");
            }
            text.append(" \u00b7 max ").append(HtmlPage.display(series.max(i))).append(" ms");
        }
        if (!Double.isNaN(series.cpu(i))) {
            text.append(" \u00b7 CPU ").append(HtmlPage.display(series.cpu(i))).append(" ms");
        }
        if (!Double.isNaN(series.allocated(i))) {
            text.append(" \u00b7 ").append(HtmlPage.display(series.allocated(i) / KIB)).append(" KiB");
        }
        if (series.hasErrors()) {
            text.append(" \u00b7 ").append(HtmlPage.display(series.errors(i))).append(" errors");
        }
        return text.toString();
    }

    /** The newest bucket with events, else the newest known one, else -1. */
    private static int lastWithEvents(Series series) {
        int known = -1;
        for (int i = series.size() - 1; i >= 0; i--) {
            if (series.count(i) > 0) {
                return i;
            }
            if (known < 0 && series.known(i)) {
                known = i;
            }
        }
        return known;
    }

    private static String routeOf(Meter.Id meter) {
        String route = meter.getTag("route");
        return route == null ? "" : route;
    }
}
