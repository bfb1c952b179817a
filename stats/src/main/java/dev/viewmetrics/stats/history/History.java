package dev.viewmetrics.stats.history;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per meter, {@value #HOUR_BUCKETS} buckets of a minute (the last hour) and {@value #DAY_BUCKETS} of ten minutes
 * (the last 24 hours), each holding count, wall total and max, p99, CPU count and total, allocation count and total:
 * {@code 8 × 4 bytes × 204 buckets = 6,528 bytes} of {@code float}s per meter, allocated when the meter is first
 * seen and never grown. At most {@value #MAX_ROWS} meters are kept; a row goes when its meter leaves the registry.
 *
 * <p>{@link #update} is called by one sampling thread with what it read of every meter; events are counted in the
 * bucket of the time of the pass that saw them. Readers ({@link #lastHour}, {@link #lastDay}) take a copy.
 */
public final class History {

    /** Fine buckets kept: an hour of minutes. */
    public static final int HOUR_BUCKETS = 60;
    /** Coarse buckets kept: a day of ten minutes. */
    public static final int DAY_BUCKETS = 144;
    /** How many fine buckets make a coarse one. */
    public static final int COARSE_FACTOR = 10;
    /** The most meters whose history is kept. */
    public static final int MAX_ROWS = 2_000;

    private static final Set<String> NOT_OF_THE_ENDPOINT = Set.of("status", "outcome", "exception", "error");

    private final Clock clock;
    private final long fineMillis;
    private final long coarseMillis;
    private final Map<Meter.Id, Row> rows = new ConcurrentHashMap<>();
    private final Map<String, Row> byId = new ConcurrentHashMap<>();
    /** Meters present but not kept in the last pass (the store was full): they do not start from zero later. */
    private final Set<Meter.Id> notKept = new HashSet<>();
    private volatile Map<String, List<Row>> serverErrorRows = Map.of();
    private final PassTimes finePasses;
    private final PassTimes coarsePasses;
    private volatile long startMillis = Long.MIN_VALUE;

    /** A history whose fine buckets are {@code minute} long (a minute but in tests), read from {@code clock}. */
    public History(Clock clock, Duration minute) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fineMillis = minute.toMillis();
        if (fineMillis <= 0) {
            throw new IllegalArgumentException("a history bucket must be at least 1 ms long, not " + minute);
        }
        this.coarseMillis = fineMillis * COARSE_FACTOR;
        this.finePasses = new PassTimes(fineMillis, HOUR_BUCKETS);
        this.coarsePasses = new PassTimes(coarseMillis, DAY_BUCKETS);
    }

    /**
     * One sampling pass: {@code readings} holds every meter to keep a history of. Meters seen for the first time
     * count from zero (they were created since the last pass), unless {@code baseline} (the first pass, or the
     * registry changed): then every meter starts from what it holds now. Meters missing from {@code readings} are
     * dropped.
     */
    public synchronized void update(Map<Meter.Id, Reading> readings, boolean baseline) {
        long now = clock.millis();
        if (startMillis == Long.MIN_VALUE) {
            startMillis = now;
            baseline = true;
        }
        long fine = Math.floorDiv(now, fineMillis);
        long coarse = Math.floorDiv(now, coarseMillis);
        boolean changed = false;
        for (Iterator<Row> kept = rows.values().iterator(); kept.hasNext();) {
            Row row = kept.next();
            if (!readings.containsKey(row.meter)) {
                kept.remove();
                byId.remove(row.id);
                changed = true;
            }
        }
        notKept.retainAll(readings.keySet());
        for (Map.Entry<Meter.Id, Reading> entry : readings.entrySet()) {
            Meter.Id meter = entry.getKey();
            Row row = rows.get(meter);
            if (row == null) {
                if (rows.size() >= MAX_ROWS) {
                    notKept.add(meter);
                    continue;
                }
                boolean startsNow = baseline || notKept.remove(meter);
                Row created = newRow(meter, startsNow ? entry.getValue() : Row.ZERO);
                if (!startsNow) {
                    created.record(entry.getValue(), fine, coarse);
                }
                changed = true;
            } else if (baseline) {
                row.startFrom(entry.getValue());
            } else {
                row.record(entry.getValue(), fine, coarse);
            }
        }
        if (changed) {
            indexServerErrors();
        }
        finePasses.pass(now);
        coarsePasses.pass(now);
    }

    /** How many meters have a history. */
    public int size() {
        return rows.size();
    }

    /** The length of a fine bucket. */
    public Duration minute() {
        return Duration.ofMillis(fineMillis);
    }

    /** The row id of {@code meter}'s history (16 hex digits, the same in every process), or null if none is kept. */
    public String id(Meter.Id meter) {
        Row row = rows.get(meter);
        return row == null ? null : row.id;
    }

    /** The meter whose history has row id {@code id}, or null. */
    public Meter.Id meter(String id) {
        Row row = byId.get(id);
        return row == null ? null : row.meter;
    }

    /** The last {@value #HOUR_BUCKETS} fine buckets of {@code meter}, or null if none is kept. */
    public Series lastHour(Meter.Id meter) {
        return series(meter, false, fineMillis, HOUR_BUCKETS, finePasses);
    }

    /** The last {@value #DAY_BUCKETS} coarse buckets of {@code meter}, or null if none is kept. */
    public Series lastDay(Meter.Id meter) {
        return series(meter, true, coarseMillis, DAY_BUCKETS, coarsePasses);
    }

    private Series series(Meter.Id meter, boolean coarse, long bucketMillis, int size, PassTimes passes) {
        Row row = rows.get(meter);
        long begun = startMillis;
        if (row == null || begun == Long.MIN_VALUE) {
            return null;
        }
        long now = clock.millis();
        long newest = Math.floorDiv(now, bucketMillis);
        float[] values = new float[size * Ring.FIELDS];
        row.read(coarse, newest, size, values);
        float[] errors = null;
        if (row.endpoint != null) {
            errors = new float[size];
            float[] other = new float[size * Ring.FIELDS];
            for (Row failing : serverErrorRows.getOrDefault(row.endpoint, List.of())) {
                failing.read(coarse, newest, size, other);
                for (int i = 0; i < size; i++) {
                    errors[i] += other[i * Ring.FIELDS + Ring.COUNT];
                }
            }
        }
        long[] spans = new long[size];
        synchronized (this) {
            for (int i = 0; i < size; i++) {
                spans[i] = passes.span(newest - size + 1 + i, begun);
            }
        }
        return new Series((newest - size + 1) * bucketMillis, bucketMillis, size, values, errors, spans, begun);
    }

    private Row newRow(Meter.Id meter, Reading start) {
        String status = meter.getTag("status");
        Row row = new Row(meter, id(meter.getName(), meter.getTagsAsIterable(), Set.of()),
                status == null ? null : id(meter.getName(), meter.getTagsAsIterable(), NOT_OF_THE_ENDPOINT),
                status != null && status.startsWith("5"), HOUR_BUCKETS, DAY_BUCKETS, start);
        rows.put(meter, row);
        byId.put(row.id, row);
        return row;
    }

    private void indexServerErrors() {
        Map<String, List<Row>> index = new HashMap<>();
        for (Row row : rows.values()) {
            if (row.serverError) {
                index.computeIfAbsent(row.endpoint, key -> new ArrayList<>()).add(row);
            }
        }
        serverErrorRows = index;
    }

    /** The first 8 bytes, in hex, of the SHA-256 of the name and the tags but {@code leftOut}. */
    private static String id(String name, Iterable<Tag> tags, Set<String> leftOut) {
        StringBuilder key = new StringBuilder(name);
        for (Tag tag : tags) {
            if (!leftOut.contains(tag.getKey())) {
                key.append('\0').append(tag.getKey()).append('\0').append(tag.getValue());
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
