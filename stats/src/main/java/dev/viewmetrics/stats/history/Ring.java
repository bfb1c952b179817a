package dev.viewmetrics.stats.history;

import java.util.Arrays;

/**
 * The last {@code buckets} buckets of one meter at one resolution, in one {@code float[]} allocated once: each
 * bucket holds {@link #FIELDS} numbers, sums (counts, totals) and maxima. A bucket is named by its number since the
 * epoch ({@code millis / bucketMillis}); moving on to a newer bucket clears the slots in between, so a slot is
 * reused once the bucket it held has left the window. Not thread-safe: its {@link Row} guards it.
 */
final class Ring {

    static final int COUNT = 0;
    static final int WALL_TOTAL = 1;
    static final int WALL_MAX = 2;
    static final int WALL_P99 = 3;
    static final int CPU_COUNT = 4;
    static final int CPU_TOTAL = 5;
    static final int ALLOCATED_COUNT = 6;
    static final int ALLOCATED_TOTAL = 7;
    static final int FIELDS = 8;

    private static final long NOTHING = Long.MIN_VALUE;

    private final int buckets;
    private final float[] values;
    private long newest = NOTHING;

    Ring(int buckets) {
        this.buckets = buckets;
        this.values = new float[buckets * FIELDS];
    }

    int buckets() {
        return buckets;
    }

    /** Adds {@code delta} (sums added, maxima kept, {@code NaN} maxima ignored) to bucket number {@code bucket}. */
    void add(long bucket, float[] delta) {
        if (newest == NOTHING || bucket > newest) {
            moveTo(bucket);
        } else if (bucket <= newest - buckets) {
            return; // the clock went back further than the ring reaches
        }
        int base = slot(bucket) * FIELDS;
        for (int field = 0; field < FIELDS; field++) {
            float value = delta[field];
            if (isMaximum(field)) {
                if (!Float.isNaN(value) && !(values[base + field] >= value)) {
                    values[base + field] = value;
                }
            } else {
                values[base + field] += value;
            }
        }
    }

    /** Copies bucket number {@code bucket} into {@code into} from {@code offset}: zeros (maxima NaN) when empty. */
    void read(long bucket, float[] into, int offset) {
        if (newest == NOTHING || bucket > newest || bucket <= newest - buckets) {
            clear(into, offset);
        } else {
            System.arraycopy(values, slot(bucket) * FIELDS, into, offset, FIELDS);
        }
    }

    private void moveTo(long bucket) {
        long from = newest == NOTHING ? bucket - buckets + 1 : Math.max(newest + 1, bucket - buckets + 1);
        for (long b = from; b <= bucket; b++) {
            clear(values, slot(b) * FIELDS);
        }
        newest = bucket;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) buckets);
    }

    private static void clear(float[] array, int offset) {
        Arrays.fill(array, offset, offset + FIELDS, 0f);
        array[offset + WALL_MAX] = Float.NaN;
        array[offset + WALL_P99] = Float.NaN;
    }

    private static boolean isMaximum(int field) {
        return field == WALL_MAX || field == WALL_P99;
    }
}
