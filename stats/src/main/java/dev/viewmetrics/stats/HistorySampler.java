package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import dev.viewmetrics.stats.history.Reading;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Feeds the {@link History} on the stats page's sampling thread, never on a request: every timer row of the page
 * (a request row of {@code view.duration}, a {@code TimingStats} block, any other timer) with its CPU timer and, when
 * the registry has one, its allocation summary {@code {base}.allocated} with the same tags ({@code view.allocated}
 * beside {@code view.duration}, {@code x.allocated} beside {@code x}).
 */
final class HistorySampler {

    private static final String DURATION_SUFFIX = ".duration";
    private static final String ALLOCATED_SUFFIX = ".allocated";

    private final History history;
    private MeterRegistry registry;

    HistorySampler(History history) {
        this.history = history;
    }

    /** One pass over {@code registry}; another registry than last time starts every meter from what it holds. */
    void sample(MeterRegistry registry, RateTracker rates) {
        List<MeterValues> meters = MeterReader.readAll(registry);
        Map<Meter.Id, MeterValues> summaries = new HashMap<>();
        for (MeterValues meter : meters) {
            if (meter.kind() == MeterKind.SUMMARY) {
                summaries.put(meter.id(), meter);
            }
        }
        Map<Meter.Id, Reading> readings = new HashMap<>();
        for (StatRow row : StatRows.of(meters, rates)) {
            if (row.kind() == MeterKind.TIMER) {
                readings.put(row.meter().id(), reading(row, allocated(row.meter(), summaries)));
            }
        }
        boolean baseline = registry != this.registry;
        this.registry = registry;
        history.update(readings, baseline);
    }

    private static Reading reading(StatRow row, MeterValues allocated) {
        MeterValues wall = row.meter();
        MeterValues cpu = row.cpu();
        return new Reading(wall.count(), wall.total(), wall.max(), wall.p99(),
                cpu == null ? Double.NaN : cpu.count(), cpu == null ? Double.NaN : cpu.total(),
                allocated == null ? Double.NaN : allocated.count(), allocated == null ? Double.NaN : allocated.total());
    }

    /** {@code x.allocated} beside {@code x}, else {@code x.allocated} beside {@code x.duration}; or null. */
    private static MeterValues allocated(MeterValues wall, Map<Meter.Id, MeterValues> summaries) {
        String name = wall.name();
        MeterValues allocated = summaries.get(wall.id().withName(name + ALLOCATED_SUFFIX));
        if (allocated == null && name.endsWith(DURATION_SUFFIX)) {
            String base = name.substring(0, name.length() - DURATION_SUFFIX.length());
            allocated = summaries.get(wall.id().withName(base + ALLOCATED_SUFFIX));
        }
        return allocated;
    }
}
