package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns meters into the rows of the stats page: CPU timers and allocation summaries paired with their wall timers,
 * sorted by name and route.
 */
final class StatRows {

    private static final String CPU_SUFFIX = ".cpu";
    private static final String ALLOCATED_SUFFIX = ".allocated";

    private StatRows() {
    }

    static List<StatRow> of(List<MeterValues> meters, RateTracker rates) {
        Map<Meter.Id, MeterValues> timers = new HashMap<>();
        for (MeterValues meter : meters) {
            if (meter.kind() == MeterKind.TIMER) {
                timers.put(key(meter.name(), meter.id()), meter);
            }
        }
        Map<Meter.Id, MeterValues> cpuOf = new HashMap<>();
        Map<Meter.Id, MeterValues> allocatedOf = new HashMap<>();
        for (MeterValues meter : meters) {
            MeterValues wall = wallOf(meter, timers);
            if (wall != null) {
                (meter.kind() == MeterKind.TIMER ? cpuOf : allocatedOf).put(wall.id(), meter);
            }
        }
        List<StatRow> rows = new ArrayList<>();
        for (MeterValues meter : meters) {
            if (wallOf(meter, timers) == null) {
                rows.add(new StatRow(meter, cpuOf.get(meter.id()), allocatedOf.get(meter.id()),
                        rates.rates(meter.id())));
            }
        }
        rows.sort(Comparator.comparing(StatRow::name)
                .thenComparing(row -> Objects.toString(row.meter().tag("route"), ""))
                .thenComparing(row -> row.meter().tags().toString()));
        return rows;
    }

    /**
     * For a CPU timer {@code x.cpu} or an allocation summary {@code x.allocated}: the timer {@code x.duration} or
     * {@code x} with the same tags, else null.
     */
    private static MeterValues wallOf(MeterValues meter, Map<Meter.Id, MeterValues> timers) {
        String name = meter.name();
        String suffix = meter.kind() == MeterKind.TIMER ? CPU_SUFFIX
                : meter.kind() == MeterKind.SUMMARY ? ALLOCATED_SUFFIX : null;
        if (suffix == null || !name.endsWith(suffix)) {
            return null;
        }
        String base = name.substring(0, name.length() - suffix.length());
        MeterValues wall = timers.get(key(base + ".duration", meter.id()));
        return wall != null ? wall : timers.get(key(base, meter.id()));
    }

    private static Meter.Id key(String name, Meter.Id id) {
        return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), null, null,
                Meter.Type.TIMER);
    }
}
