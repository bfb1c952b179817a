package dev.viewmetrics.stats.history;

import java.util.Arrays;

/**
 * When the sampling passes ran, per bucket (the last pass in each), for the whole store: the events a pass counts
 * happened since the pass before, so the events of a bucket span from the last pass before it to its own last
 * pass. That span, not the bucket's length, is what a rate divides by: right for the bucket still filling and for
 * the one in which the history began.
 */
final class PassTimes {

    private static final long NONE = Long.MIN_VALUE;

    private final long bucketMillis;
    private final long[] lastPass;

    PassTimes(long bucketMillis, int buckets) {
        this.bucketMillis = bucketMillis;
        this.lastPass = new long[buckets + 1]; // one more: the bucket before the oldest still counts
        Arrays.fill(lastPass, NONE);
    }

    void pass(long millis) {
        lastPass[slot(Math.floorDiv(millis, bucketMillis))] = millis;
    }

    /** The milliseconds the events of bucket number {@code bucket} span; 0 when no pass counted any yet. */
    long span(long bucket, long historyStart) {
        long end = lastIn(bucket);
        if (end == NONE) {
            return 0;
        }
        for (long before = bucket - 1; before >= bucket - lastPass.length + 1; before--) {
            long start = lastIn(before);
            if (start != NONE) {
                return end - start;
            }
        }
        return end - Math.max(historyStart, bucket * bucketMillis);
    }

    private long lastIn(long bucket) {
        long millis = lastPass[slot(bucket)];
        return millis != NONE && Math.floorDiv(millis, bucketMillis) == bucket ? millis : NONE;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) lastPass.length);
    }
}
