package dev.viewmetrics.stats.history;

import io.micrometer.core.instrument.Meter;

/**
 * The history of one meter: its two rings and the cumulative values of the previous reading, from which each
 * pass's increase is taken. Its size never changes after construction. Written by the sampling thread, read by the
 * page; both hold its lock for a moment.
 */
final class Row {

    /** Before a meter's first event. */
    static final Reading ZERO = new Reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0);

    final Meter.Id meter;
    final String id;
    /** The route and method it belongs to (name and tags but status, outcome, exception), or null without status. */
    final String endpoint;
    /** Whether its status tag is a 5xx. */
    final boolean serverError;

    private final Ring fine;
    private final Ring coarse;
    private final float[] delta = new float[Ring.FIELDS];
    private Reading last;

    Row(Meter.Id meter, String id, String endpoint, boolean serverError, int fineBuckets, int coarseBuckets,
            Reading start) {
        this.meter = meter;
        this.id = id;
        this.endpoint = endpoint;
        this.serverError = serverError;
        this.fine = new Ring(fineBuckets);
        this.coarse = new Ring(coarseBuckets);
        this.last = start;
    }

    /**
     * Adds what happened since the previous reading to the buckets {@code fineBucket} and {@code coarseBucket}. A
     * count lower than before means the meter started over (removed and registered again): all of it is new.
     */
    synchronized void record(Reading now, long fineBucket, long coarseBucket) {
        Reading before = now.count() < last.count() ? ZERO : last;
        float count = increase(now.count(), before.count());
        delta[Ring.COUNT] = count;
        delta[Ring.WALL_TOTAL] = increase(now.wallTotal(), before.wallTotal());
        delta[Ring.WALL_MAX] = count > 0 ? (float) now.wallMax() : Float.NaN;
        delta[Ring.WALL_P99] = count > 0 ? (float) now.wallP99() : Float.NaN;
        delta[Ring.CPU_COUNT] = increase(now.cpuCount(), before.cpuCount());
        delta[Ring.CPU_TOTAL] = increase(now.cpuTotal(), before.cpuTotal());
        delta[Ring.ALLOCATED_COUNT] = increase(now.allocatedCount(), before.allocatedCount());
        delta[Ring.ALLOCATED_TOTAL] = increase(now.allocatedTotal(), before.allocatedTotal());
        last = now;
        if (count > 0 || delta[Ring.CPU_COUNT] > 0 || delta[Ring.ALLOCATED_COUNT] > 0) {
            fine.add(fineBucket, delta);
            coarse.add(coarseBucket, delta);
        }
    }

    /** Counts from {@code now} on, adding nothing: what the meter holds now happened before (another registry). */
    synchronized void startFrom(Reading now) {
        last = now;
    }

    /** Copies {@code size} buckets of the fine (or coarse) ring, the newest being {@code newest}, into {@code into}. */
    synchronized void read(boolean coarseRing, long newest, int size, float[] into) {
        Ring ring = coarseRing ? coarse : fine;
        for (int i = 0; i < size; i++) {
            ring.read(newest - size + 1 + i, into, i * Ring.FIELDS);
        }
    }

    /** The increase of a cumulative value; 0 where either side is unknown or it went down (a companion reset). */
    private static float increase(double now, double before) {
        if (Double.isNaN(now)) {
            return 0f;
        }
        double base = Double.isNaN(before) || now < before ? 0 : before;
        return (float) (now - base);
    }
}
