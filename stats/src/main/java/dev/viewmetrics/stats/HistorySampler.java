package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import dev.viewmetrics.stats.history.Reading;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.Map;

/**
 * Feeds the {@link History} on the stats page's sampling thread, never on a request: every timer row of the page
 * (a request row of {@code view.duration}, a {@code TimingStats} block, any other timer) with the CPU timer and the
 * allocation summary its {@link StatRow} pairs with it ({@code view.cpu} and {@code view.allocated} beside
 * {@code view.duration}, {@code x.cpu} and {@code x.allocated} beside {@code x}).
 */
final class HistorySampler {

    private final History history;
    private MeterRegistry registry;

    HistorySampler(History history) {
        this.history = history;
    }

    /** One pass over {@code registry}; another registry than last time starts every meter from what it holds. */
    void sample(MeterRegistry registry, RateTracker rates) {
        Map<Meter.Id, Reading> readings = new HashMap<>();
        for (StatRow row : StatRows.of(MeterReader.readAll(registry), rates)) {
            if (row.kind() == MeterKind.TIMER) {
                readings.put(row.meter().id(), reading(row));
            }
        }
        boolean baseline = registry != this.registry;
        this.registry = registry;
        history.update(readings, baseline);
    }

    /** A timer row's cumulative values, with the CPU timer and allocation summary the row pairs with it. */
    private static Reading reading(StatRow row) {
        MeterValues wall = row.meter();
        MeterValues cpu = row.cpu();
        MeterValues allocated = row.allocated();
        return new Reading(wall.count(), wall.total(), wall.max(), wall.p99(),
                cpu == null ? Double.NaN : cpu.count(), cpu == null ? Double.NaN : cpu.total(),
                allocated == null ? Double.NaN : allocated.count(), allocated == null ? Double.NaN : allocated.total());
    }
}
