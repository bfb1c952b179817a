package dev.viewmetrics.sample.demo;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The demo's table, read from the registry: one row per route, method and status, with count, p50, p95 and p99
 * wall time and mean CPU time in milliseconds, and the mean heap allocated in KiB. Plain aligned text, for a
 * terminal and a CI log alike.
 */
public final class DemoTable {

    private static final String[] HEADER = {"route", "method", "status", "count", "p50 ms", "p95 ms", "p99 ms",
        "cpu ms", "alloc KiB"};

    private DemoTable() {
    }

    /** The table of the {@code view.duration} timers in {@code registry}. */
    public static String render(MeterRegistry registry) {
        List<String[]> rows = new ArrayList<>();
        List<Timer> timers = new ArrayList<>(registry.find("view.duration").timers());
        timers.sort(Comparator.comparing((Timer t) -> tag(t, "route")).thenComparing(t -> tag(t, "status"))
                .thenComparing(t -> tag(t, "method")));
        for (Timer wall : timers) {
            Timer cpu = registry.find("view.cpu").tags(wall.getId().getTags()).timer();
            DistributionSummary allocated = registry.find("view.allocated").tags(wall.getId().getTags()).summary();
            ValueAtPercentile[] percentiles = wall.takeSnapshot().percentileValues();
            rows.add(new String[] {tag(wall, "route"), tag(wall, "method"), tag(wall, "status"),
                Long.toString(wall.count()), percentile(percentiles, 0.5), percentile(percentiles, 0.95),
                percentile(percentiles, 0.99),
                cpu == null || cpu.count() == 0 ? "-" : oneDecimal(cpu.mean(TimeUnit.MILLISECONDS)),
                allocated == null || allocated.count() == 0 ? "-" : oneDecimal(allocated.mean() / 1024)});
        }
        return format(rows);
    }

    private static String format(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (int i = 0; i < HEADER.length; i++) {
            widths[i] = HEADER[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, HEADER, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.append(rule.toString().stripTrailing()).append('\n');
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean numeric = i >= 2;
            String cell = cells[i];
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(numeric ? pad + cell : cell + pad).append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String percentile(ValueAtPercentile[] values, double percentile) {
        for (ValueAtPercentile value : values) {
            if (value.percentile() == percentile) {
                return oneDecimal(value.value(TimeUnit.MILLISECONDS));
            }
        }
        return "-";
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String tag(Timer timer, String key) {
        for (Tag tag : timer.getId().getTags()) {
            if (tag.getKey().equals(key)) {
                return tag.getValue();
            }
        }
        return "";
    }
}
