package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import io.micrometer.core.instrument.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stats page: one table per timer or summary name (rows by route and the tags that vary, wall time, CPU time
 * and allocated KiB side by side), then counters, then gauges and the rest. Self-contained ({@link PageAssets}),
 * readable on a phone, every value HTML-escaped.
 */
final class HtmlPage {

    private static final List<String> TAG_ORDER = List.of("route", "method", "status", "outcome", "exception");
    private static final String[] STATS = {"mean", "p50", "p95", "p99", "max"};
    private static final double KIB = 1024;

    private HtmlPage() {
    }

    /** What the page says about itself besides the rows. */
    record Info(long pid, Instant timestamp, String query, String error) {
    }

    static String render(List<StatRow> rows, Info info) {
        return render(rows, info, null);
    }

    /** The page, with a "last hour" sparkline in each timer row when {@code history} is not null. */
    static String render(List<StatRow> rows, Info info, History history) {
        StringBuilder html = new StringBuilder(4096 + rows.size() * 600);
        head(html, "viewmetrics stats");
        header(html, rows.size(), info);
        html.append("<main>\n");
        Map<String, List<StatRow>> distributions = new LinkedHashMap<>();
        List<StatRow> counters = new ArrayList<>();
        List<StatRow> others = new ArrayList<>();
        for (StatRow row : rows) {
            if (row.kind().distribution()) {
                distributions.computeIfAbsent(row.name(), name -> new ArrayList<>()).add(row);
            } else if (row.kind() == MeterKind.COUNTER) {
                counters.add(row);
            } else {
                others.add(row);
            }
        }
        distributions.forEach((name, group) -> distributionTable(html, name, group, history));
        if (!counters.isEmpty()) {
            counterTable(html, counters);
        }
        if (!others.isEmpty()) {
            otherTable(html, others);
        }
        if (rows.isEmpty() && info.error() == null) {
            html.append("<p class=\"empty\">No meters").append(info.query() != null ? " match this query" : " yet")
                    .append(".</p>\n");
        }
        html.append("</main>\n<footer><p>Times in milliseconds, allocated heap in KiB. Rates are events per second, ")
                .append("moving averages over the last 1, 5 and 15 minutes, warming up from zero (&mdash; until the ")
                .append("second sample, 5 s apart). ")
                .append("Max is Micrometer&rsquo;s recent maximum. p50/p95/p99 show &mdash; unless the meter publishes ")
                .append("percentiles or a histogram. Click a column to sort.</p></footer>\n<script>").append(PageAssets.SCRIPT)
                .append("</script>\n</body></html>\n");
        return html.toString();
    }

    /** The document up to {@code <body>}: {@code title} and the page's own style. */
    static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(PageAssets.STYLE)
                .append("</style></head>\n<body>\n");
    }

    private static void header(StringBuilder html, int rows, Info info) {
        String query = info.query() == null ? "" : info.query();
        String suffix = query.isEmpty() ? "" : "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        html.append("<header><h1>viewmetrics</h1><p class=\"meta\">pid ").append(info.pid()).append(" &middot; ")
                .append(escape(info.timestamp().toString())).append(" &middot; ").append(rows).append(" rows &middot; ")
                .append("<a href=\"?format=json").append(escape(suffix)).append("\">json</a> &middot; ")
                .append("<a href=\"?format=prettyjson").append(escape(suffix)).append("\">pretty json</a></p>\n")
                .append("<form method=\"get\"><input name=\"query\" value=\"").append(escape(query))
                .append("\" placeholder=\"route:/users/{id} count&gt;=10\" aria-label=\"query\">")
                .append("<button type=\"submit\">filter</button></form>\n");
        if (info.error() != null) {
            html.append("<p class=\"error\">").append(escape(info.error())).append("</p>\n");
        }
        html.append("</header>\n");
    }

    private static void distributionTable(StringBuilder html, String name, List<StatRow> rows, History history) {
        boolean timer = rows.get(0).kind() == MeterKind.TIMER;
        boolean sparklines = timer && history != null;
        String cpuName = null;
        String allocatedName = null;
        for (StatRow row : rows) {
            if (row.cpu() != null) {
                cpuName = row.cpu().name();
            }
            if (row.allocated() != null) {
                allocatedName = row.allocated().name();
            }
        }
        List<String> tagColumns = tagColumns(rows);
        String unit = timer ? "ms" : Objects.toString(rows.get(0).meter().unit(), "");
        html.append("<section><h2>").append(escape(name));
        for (String paired : new String[] {cpuName, allocatedName}) {
            if (paired != null) {
                html.append(" <small>+ ").append(escape(paired)).append("</small>");
            }
        }
        html.append("</h2>\n");
        constantTags(html, rows, tagColumns);
        html.append("<div class=\"scroll\"><table class=\"stats\" data-name=\"").append(escape(name))
                .append("\"><thead><tr>");
        if (!tagColumns.isEmpty()) {
            html.append("<th colspan=\"").append(tagColumns.size()).append("\"></th>");
        }
        html.append(sparklines ? Sparkline.GROUP_HEADER : "");
        html.append("<th class=\"g\" colspan=\"4\">count and rate /s</th><th class=\"g\" colspan=\"5\">")
                .append(timer ? "wall time" : "value").append(unit.isEmpty() ? "" : " (" + escape(unit) + ")")
                .append("</th>");
        if (cpuName != null) {
            html.append("<th class=\"g\" colspan=\"5\">CPU time (ms)</th>");
        }
        if (allocatedName != null) {
            html.append("<th class=\"g\" colspan=\"5\">allocated (KiB)</th>");
        }
        html.append("</tr>\n<tr>");
        for (String key : tagColumns) {
            html.append("<th data-key=\"").append(escape(key)).append("\">").append(escape(key)).append("</th>");
        }
        html.append(sparklines ? Sparkline.HEADER : "");
        numberHeaders(html, "", new String[] {"count", "m1", "m5", "m15"}, new String[] {"count", "1m", "5m", "15m"});
        numberHeaders(html, "", STATS, STATS);
        if (cpuName != null) {
            numberHeaders(html, "cpu.", STATS, STATS);
        }
        if (allocatedName != null) {
            numberHeaders(html, "allocated.", STATS, STATS);
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (StatRow row : rows) {
            html.append("<tr>");
            tagCells(html, row, tagColumns);
            if (sparklines) {
                Sparkline.cell(html, history, row.meter().id());
            }
            MeterValues meter = row.meter();
            html.append(number(meter.count(), "g")).append(number(row.rates()[0], ""))
                    .append(number(row.rates()[1], "")).append(number(row.rates()[2], ""));
            statCells(html, meter, 1);
            if (cpuName != null) {
                statCells(html, row.cpu(), 1);
            }
            if (allocatedName != null) {
                statCells(html, row.allocated(), KIB);
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div></section>\n");
    }

    private static void counterTable(StringBuilder html, List<StatRow> rows) {
        html.append("<section><h2>counters</h2>\n<div class=\"scroll\"><table class=\"stats\" data-name=\"counters\">")
                .append("<thead><tr><th colspan=\"2\"></th><th class=\"g\" colspan=\"4\">count and rate /s</th></tr>\n")
                .append("<tr><th data-key=\"name\">name</th><th data-key=\"tags\">tags</th>");
        numberHeaders(html, "", new String[] {"count", "m1", "m5", "m15"}, new String[] {"count", "1m", "5m", "15m"});
        html.append("</tr></thead>\n<tbody>\n");
        for (StatRow row : rows) {
            html.append("<tr>").append(text(row.name())).append(text(tagText(row.meter().tags())))
                    .append(number(row.meter().count(), "g")).append(number(row.rates()[0], ""))
                    .append(number(row.rates()[1], "")).append(number(row.rates()[2], ""))
                    .append("</tr>\n");
        }
        html.append("</tbody></table></div></section>\n");
    }

    private static void otherTable(StringBuilder html, List<StatRow> rows) {
        html.append("<section><h2>gauges and other meters</h2>\n<div class=\"scroll\"><table class=\"stats\" ")
                .append("data-name=\"gauges\"><thead><tr><th colspan=\"4\"></th></tr>\n<tr>")
                .append("<th data-key=\"name\">name</th><th data-key=\"tags\">tags</th><th data-key=\"type\">type</th>")
                .append("<th class=\"n\" data-key=\"value\">value</th></tr></thead>\n<tbody>\n");
        for (StatRow row : rows) {
            MeterValues meter = row.meter();
            html.append("<tr>").append(text(row.name())).append(text(tagText(meter.tags())))
                    .append(text(meter.kind().label))
                    .append("<td class=\"n\" data-v=\"").append(raw(meter.value())).append("\">")
                    .append(escape(valueText(meter))).append("</td></tr>\n");
        }
        html.append("</tbody></table></div></section>\n");
    }

    /** A gauge's value with its unit; a long task timer's active tasks and how long they have run. */
    private static String valueText(MeterValues meter) {
        if (meter.kind() == MeterKind.LONG_TASK_TIMER) {
            return display(meter.value()) + " active, " + display(meter.total()) + " ms";
        }
        boolean unit = meter.unit() != null && !Double.isNaN(meter.value());
        return display(meter.value()) + (unit ? " " + meter.unit() : "");
    }

    /** Route first if any row has one, then the other tags whose value is not the same on every row. */
    private static List<String> tagColumns(List<StatRow> rows) {
        Set<String> keys = new LinkedHashSet<>();
        for (StatRow row : rows) {
            for (Tag tag : row.meter().tags()) {
                keys.add(tag.getKey());
            }
        }
        List<String> columns = new ArrayList<>();
        for (String key : TAG_ORDER) {
            if (keys.contains(key) && (key.equals("route") || varies(rows, key))) {
                columns.add(key);
            }
        }
        for (String key : keys) {
            if (!TAG_ORDER.contains(key) && varies(rows, key)) {
                columns.add(key);
            }
        }
        return columns;
    }

    private static boolean varies(List<StatRow> rows, String key) {
        String first = rows.get(0).meter().tag(key);
        for (StatRow row : rows) {
            if (!Objects.equals(first, row.meter().tag(key))) {
                return true;
            }
        }
        return false;
    }

    private static void constantTags(StringBuilder html, List<StatRow> rows, List<String> tagColumns) {
        List<String> constant = new ArrayList<>();
        for (Tag tag : rows.get(0).meter().tags()) {
            if (!tagColumns.contains(tag.getKey())) {
                constant.add(tag.getKey() + "=" + tag.getValue());
            }
        }
        if (!constant.isEmpty()) {
            html.append("<p class=\"tags\">").append(escape(String.join(" \u00b7 ", constant))).append("</p>\n");
        }
    }

    private static void tagCells(StringBuilder html, StatRow row, List<String> tagColumns) {
        for (String key : tagColumns) {
            html.append(text(Objects.toString(row.meter().tag(key), "")));
        }
    }

    private static void numberHeaders(StringBuilder html, String keyPrefix, String[] keys, String[] labels) {
        for (int i = 0; i < keys.length; i++) {
            html.append("<th class=\"n").append(i == 0 ? " g" : "").append("\" data-key=\"").append(keyPrefix)
                    .append(keys[i]).append("\">").append(labels[i]).append("</th>");
        }
    }

    /** Mean, p50, p95, p99 and max of {@code values} divided by {@code scale}; all unknown for {@code null}. */
    private static void statCells(StringBuilder html, MeterValues values, double scale) {
        double[] cells = values == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                : new double[] {values.mean(), values.p50(), values.p95(), values.p99(), values.max()};
        for (int i = 0; i < cells.length; i++) {
            html.append(number(cells[i] / scale, i == 0 ? "g" : ""));
        }
    }

    private static String text(String value) {
        return "<td data-v=\"" + escape(value) + "\">" + escape(value) + "</td>";
    }

    private static String number(double value, String extraClass) {
        return "<td class=\"n" + (extraClass.isEmpty() ? "" : " " + extraClass) + "\" data-v=\"" + raw(value) + "\">"
                + escape(display(value)) + "</td>";
    }

    private static String raw(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : Double.toString(value);
    }

    /** A number for people: whole numbers as they are, others with fewer decimals the bigger they get. */
    static String display(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "\u2014";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        String format = magnitude >= 1000 ? "%.0f" : magnitude >= 100 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, format, value);
    }

    private static String tagText(List<Tag> tags) {
        StringBuilder text = new StringBuilder();
        for (Tag tag : tags) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(tag.getKey()).append('=').append(tag.getValue());
        }
        return text.toString();
    }

    /** {@code value} safe as HTML text and as a quoted attribute value. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }
}
