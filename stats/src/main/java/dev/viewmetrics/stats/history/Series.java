package dev.viewmetrics.stats.history;

import java.time.Duration;
import java.time.Instant;

/**
 * A copy of one meter's buckets over one window, oldest first, as a chart or a script reads them: bucket {@code i}
 * starts at {@link #bucketStart(int)}. Times in milliseconds, allocation in bytes; {@code NaN} where a value is not
 * known: any value of a bucket before the history began, the mean, maximum and p99 of a bucket without events, the
 * CPU mean of a bucket without a CPU sample. The newest bucket is still filling.
 */
public final class Series {

    private final long startMillis;
    private final long bucketMillis;
    private final int size;
    private final float[] values;
    private final float[] errors;
    private final long[] spanMillis;
    private final long historyStartMillis;

    Series(long startMillis, long bucketMillis, int size, float[] values, float[] errors, long[] spanMillis,
            long historyStartMillis) {
        this.startMillis = startMillis;
        this.bucketMillis = bucketMillis;
        this.size = size;
        this.values = values;
        this.errors = errors;
        this.spanMillis = spanMillis;
        this.historyStartMillis = historyStartMillis;
    }

    /** How many buckets. */
    public int size() {
        return size;
    }

    /** The length of one bucket. */
    public Duration bucket() {
        return Duration.ofMillis(bucketMillis);
    }

    /** The start of the first (oldest) bucket. */
    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    /** The start of bucket {@code i}. */
    public Instant bucketStart(int i) {
        return Instant.ofEpochMilli(startMillis + i * bucketMillis);
    }

    /** Whether bucket {@code i} lies (at least partly) in the time the history has been kept. */
    public boolean known(int i) {
        return startMillis + (i + 1) * bucketMillis > historyStartMillis;
    }

    /** Events in bucket {@code i} (0 when quiet). */
    public double count(int i) {
        return known(i) ? value(i, Ring.COUNT) : Double.NaN;
    }

    /**
     * Events per second in bucket {@code i}: its events over the time they span, from the sampling pass before the
     * bucket to its last one (about the bucket's length; less for the newest, still filling, and the first);
     * {@code NaN} before any pass counted events into it.
     */
    public double rate(int i) {
        return known(i) && spanMillis[i] > 0 ? value(i, Ring.COUNT) * 1000.0 / spanMillis[i] : Double.NaN;
    }

    /** Mean wall time of the events of bucket {@code i}. */
    public double mean(int i) {
        return ratio(i, Ring.WALL_TOTAL, Ring.COUNT);
    }

    /** The highest maximum the meter reported while bucket {@code i} had events. */
    public double max(int i) {
        return value(i, Ring.WALL_MAX);
    }

    /** The highest p99 the meter reported while bucket {@code i} had events; {@code NaN} without percentiles. */
    public double p99(int i) {
        return value(i, Ring.WALL_P99);
    }

    /** Mean CPU time of the events of bucket {@code i} that had it measured. */
    public double cpu(int i) {
        return ratio(i, Ring.CPU_TOTAL, Ring.CPU_COUNT);
    }

    /** Mean bytes allocated by the events of bucket {@code i} that had it measured. */
    public double allocated(int i) {
        return ratio(i, Ring.ALLOCATED_TOTAL, Ring.ALLOCATED_COUNT);
    }

    /** Responses with a 5xx status to the same route and method in bucket {@code i}; see {@link #hasErrors()}. */
    public double errors(int i) {
        return errors != null && known(i) ? errors[i] : Double.NaN;
    }

    /** Whether errors are known: the meter has a {@code status} tag. */
    public boolean hasErrors() {
        return errors != null;
    }

    /** Whether any bucket has a p99. */
    public boolean hasP99() {
        return any(Ring.WALL_P99);
    }

    /** Whether any bucket has CPU time. */
    public boolean hasCpu() {
        return any(Ring.CPU_COUNT);
    }

    /** Whether any bucket has allocated bytes. */
    public boolean hasAllocated() {
        return any(Ring.ALLOCATED_COUNT);
    }

    private boolean any(int field) {
        for (int i = 0; i < size; i++) {
            if (value(i, field) > 0) {
                return true;
            }
        }
        return false;
    }

    private double ratio(int i, int total, int count) {
        double n = value(i, count);
        return n > 0 ? value(i, total) / n : Double.NaN;
    }

    private double value(int i, int field) {
        return values[i * Ring.FIELDS + field];
    }
}
