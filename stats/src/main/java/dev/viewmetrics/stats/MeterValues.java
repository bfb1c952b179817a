package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * What one meter held when it was read. Times are in milliseconds; {@code NaN} means not known (a gauge whose
 * object is gone, a percentile the meter keeps no histogram for). {@code count} is the number of events of
 * counters, timers and summaries; {@code value} that of gauges, the active tasks of a long task timer.
 */
record MeterValues(Meter.Id id, MeterKind kind, String unit, double count, double total, double max, double p50,
        double p95, double p99, double value) {

    String name() {
        return id.getName();
    }

    String tag(String key) {
        return id.getTag(key);
    }

    List<Tag> tags() {
        return id.getTags();
    }

    double mean() {
        return count > 0 ? total / count : Double.NaN;
    }

    /** Key, value, key, value, … */
    List<String> tagPairs() {
        List<String> pairs = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            pairs.add(tag.getKey());
            pairs.add(tag.getValue());
        }
        return pairs;
    }

    /** The six values of a {@code .vmstats} record (see {@link MmapLayout}). */
    double[] slots() {
        return switch (kind) {
            case TIMER, SUMMARY -> new double[] {count, total, max, p50, p95, p99};
            case COUNTER -> new double[] {count, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            case LONG_TASK_TIMER -> new double[] {value, total, max, Double.NaN, Double.NaN, Double.NaN};
            default -> new double[] {value, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        };
    }
}
