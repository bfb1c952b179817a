package dev.viewmetrics.stats;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.viewmetrics.stats.MmapLayout.INTS;
import static dev.viewmetrics.stats.MmapLayout.LONGS;

/**
 * A {@code .vmstats} file mapped read-only, read again and again without a system call: the header once, the
 * names of new records as they appear, and every record's values under its sequence counter (retrying while
 * the publisher is in the middle of an update). JDK only.
 */
final class StatsMapping {

    /** How long to retry a record whose publisher is mid-update before reporting it as not whole. */
    private static final long TORN_WAIT_NANOS = 50_000_000L;

    private final Path path;
    private final ByteBuffer buffer;
    private final long pid;
    private final long created;
    private final int intervalMillis;
    private final List<Label> labels = new ArrayList<>();
    private int parsedEnd = MmapLayout.HEADER_SIZE;

    private StatsMapping(Path path, ByteBuffer buffer) {
        this.path = path;
        this.buffer = buffer;
        this.pid = buffer.getLong(MmapLayout.H_PID);
        this.created = buffer.getLong(MmapLayout.H_CREATED);
        this.intervalMillis = buffer.getInt(MmapLayout.H_INTERVAL);
    }

    /** Maps {@code path}; fails with {@link NotStatsFileException} when it is not a version-1 {@code .vmstats} file. */
    static StatsMapping open(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MmapLayout.HEADER_SIZE) {
                throw new NotStatsFileException(path, "too short for a header");
            }
            ByteBuffer header = ByteBuffer.allocate(MmapLayout.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // read the whole header
            }
            byte[] magic = new byte[MmapLayout.MAGIC.length];
            header.get(0, magic);
            if (!Arrays.equals(magic, MmapLayout.MAGIC)) {
                throw new NotStatsFileException(path, "no VMSTATS magic");
            }
            int version = header.getInt(MmapLayout.H_VERSION);
            if (version != MmapLayout.VERSION) {
                throw new NotStatsFileException(path, "layout version " + version + ", this reader knows "
                        + MmapLayout.VERSION);
            }
            long capacity = header.getInt(MmapLayout.H_CAPACITY) & 0xFFFFFFFFL;
            long mapped = Math.min(size, capacity);
            ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, mapped).order(ByteOrder.LITTLE_ENDIAN);
            return new StatsMapping(path, buffer);
        }
    }

    Path path() {
        return path;
    }

    long pid() {
        return pid;
    }

    Instant created() {
        return Instant.ofEpochMilli(created);
    }

    /** Reads the current values of every record. */
    Snapshot read() throws IOException {
        int end = Math.min((int) INTS.getAcquire(buffer, MmapLayout.H_END), buffer.capacity());
        parseLabels(end);
        List<StatsRecord> records = new ArrayList<>(labels.size());
        for (Label label : labels) {
            double[] values = new double[MmapLayout.VALUE_COUNT];
            boolean whole = readValues(label.offset, values);
            boolean removed = (buffer.get(label.offset + MmapLayout.R_FLAGS) & MmapLayout.RECORD_REMOVED) != 0;
            records.add(new StatsRecord(label.kind, label.name, label.tags, label.unit, values, removed, whole));
        }
        long updated = (long) LONGS.getAcquire(buffer, MmapLayout.H_UPDATED);
        int flags = (int) INTS.getAcquire(buffer, MmapLayout.H_FLAGS);
        int leftOut = (int) INTS.getAcquire(buffer, MmapLayout.H_LEFT_OUT);
        return new Snapshot(path, pid, Instant.ofEpochMilli(created), Instant.ofEpochMilli(updated),
                (flags & MmapLayout.FLAG_CLOSED) != 0, leftOut, intervalMillis, records);
    }

    private boolean readValues(int offset, double[] values) {
        long deadline = 0;
        for (int attempt = 0; ; attempt++) {
            long before = (long) LONGS.getAcquire(buffer, offset + MmapLayout.R_SEQUENCE);
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.longBitsToDouble((long) LONGS.getOpaque(buffer, offset + MmapLayout.R_VALUES + 8 * i));
            }
            VarHandle.loadLoadFence();
            long after = (long) LONGS.getOpaque(buffer, offset + MmapLayout.R_SEQUENCE);
            if (before == after && (before & 1) == 0) {
                return true;
            }
            if (attempt == 0) {
                deadline = System.nanoTime() + TORN_WAIT_NANOS;
            } else if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.onSpinWait();
        }
    }

    private void parseLabels(int end) throws IOException {
        while (parsedEnd < end) {
            int offset = parsedEnd;
            int length = buffer.getInt(offset + MmapLayout.R_LENGTH);
            if (length < MmapLayout.R_STRINGS || length % 8 != 0 || length > end - offset) {
                throw new IOException(path + ": corrupt record at offset " + offset + " (length " + length + ")");
            }
            MeterKind kind = MeterKind.ofCode(buffer.get(offset + MmapLayout.R_TYPE));
            int tagCount = buffer.getShort(offset + MmapLayout.R_TAG_COUNT) & 0xFFFF;
            int at = offset + MmapLayout.R_STRINGS;
            int limit = offset + length;
            String[] strings = new String[2 + 2 * tagCount];
            for (int i = 0; i < strings.length; i++) {
                if (i == strings.length - 1 && at + 2 > limit) {
                    strings[i] = ""; // a record without the unit
                    break;
                }
                if (at + 2 > limit) {
                    throw new IOException(path + ": corrupt strings in the record at offset " + offset);
                }
                int size = buffer.getShort(at) & 0xFFFF;
                if (at + 2 + size > limit) {
                    throw new IOException(path + ": corrupt strings in the record at offset " + offset);
                }
                byte[] bytes = new byte[size];
                buffer.get(at + 2, bytes);
                strings[i] = new String(bytes, StandardCharsets.UTF_8);
                at += 2 + size;
            }
            String unit = strings[strings.length - 1];
            labels.add(new Label(offset, kind, strings[0], List.of(strings).subList(1, strings.length - 1),
                    unit.isEmpty() ? null : unit));
            parsedEnd = offset + length;
        }
    }

    /** The parts of a record that never change once it is published. */
    private record Label(int offset, MeterKind kind, String name, List<String> tags, String unit) {
    }

    /** Everything a file held at one moment. */
    record Snapshot(Path path, long pid, Instant created, Instant updated, boolean closed, int leftOut,
            int intervalMillis, List<StatsRecord> records) {
    }

    /** The file is not a {@code .vmstats} file this reader understands. */
    static final class NotStatsFileException extends IOException {
        private final String reason;

        NotStatsFileException(Path path, String reason) {
            super(path + " is not a .vmstats file: " + reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
