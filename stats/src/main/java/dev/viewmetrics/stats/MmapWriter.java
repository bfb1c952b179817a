package dev.viewmetrics.stats;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import static dev.viewmetrics.stats.MmapLayout.INTS;
import static dev.viewmetrics.stats.MmapLayout.LONGS;

/**
 * Writes one {@code .vmstats} file (see {@link MmapLayout}): appends records and updates their values with plain
 * memory writes under a per-record sequence counter, so a reader in another process never sees half an update.
 * One thread at a time may write (the publisher serialises its calls). JDK only.
 */
final class MmapWriter {

    private final Path file;
    private final MappedByteBuffer buffer;
    private final int capacity;
    private int end = MmapLayout.HEADER_SIZE;
    private int records;
    private int leftOut;
    private int flags;

    private MmapWriter(Path file, MappedByteBuffer buffer, int capacity) {
        this.file = file;
        this.buffer = buffer;
        this.capacity = capacity;
    }

    /**
     * Creates {@code file} ({@code capacity} bytes, sparse) with its header, under a temporary name first, so a
     * reader never finds a file without one.
     */
    static MmapWriter create(Path file, long pid, int capacity, long intervalMillis) throws IOException {
        if (capacity < MmapLayout.HEADER_SIZE * 2 || capacity % 8 != 0) {
            throw new IllegalArgumentException("capacity must be a multiple of 8 and at least 128 bytes: " + capacity);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + file.getFileName() + ".tmp");
        MappedByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[1]), capacity - 1L);
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, capacity);
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(0, MmapLayout.MAGIC);
        buffer.putInt(MmapLayout.H_VERSION, MmapLayout.VERSION);
        buffer.putInt(MmapLayout.H_HEADER_SIZE, MmapLayout.HEADER_SIZE);
        buffer.putLong(MmapLayout.H_PID, pid);
        long now = System.currentTimeMillis();
        buffer.putLong(MmapLayout.H_CREATED, now);
        buffer.putLong(MmapLayout.H_UPDATED, now);
        buffer.putInt(MmapLayout.H_END, MmapLayout.HEADER_SIZE);
        buffer.putInt(MmapLayout.H_CAPACITY, capacity);
        buffer.putInt(MmapLayout.H_INTERVAL, (int) Math.min(Integer.MAX_VALUE, intervalMillis));
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new MmapWriter(file, buffer, capacity);
    }

    Path file() {
        return file;
    }

    /** {@link #add(MeterKind, String, List, String)} without a base unit. */
    int add(MeterKind kind, String name, List<String> tagPairs) {
        return add(kind, name, tagPairs, null);
    }

    /**
     * Appends a record for a meter named {@code name} with tags {@code tagPairs} (key, value, key, value, …), base
     * unit {@code unit} ({@code null}: none) and unknown values; its offset, or {@code -1} when the file is full
     * (counted in the header).
     */
    int add(MeterKind kind, String name, List<String> tagPairs, String unit) {
        int tagCount = Math.min(tagPairs.size() / 2, 0xFFFF);
        byte[][] strings = new byte[2 + 2 * tagCount][];
        strings[0] = utf8(name);
        for (int i = 0; i < 2 * tagCount; i++) {
            strings[i + 1] = utf8(tagPairs.get(i));
        }
        strings[strings.length - 1] = utf8(unit == null ? "" : unit);
        int length = MmapLayout.R_STRINGS;
        for (byte[] string : strings) {
            length += 2 + string.length;
        }
        length = MmapLayout.align8(length);
        if (length > capacity - end) {
            leftOut++;
            INTS.setRelease(buffer, MmapLayout.H_LEFT_OUT, leftOut);
            return -1;
        }
        int offset = end;
        buffer.putInt(offset + MmapLayout.R_LENGTH, length);
        buffer.put(offset + MmapLayout.R_TYPE, (byte) kind.code);
        buffer.put(offset + MmapLayout.R_FLAGS, (byte) 0);
        buffer.putShort(offset + MmapLayout.R_TAG_COUNT, (short) tagCount);
        for (int i = 0; i < MmapLayout.VALUE_COUNT; i++) {
            buffer.putDouble(offset + MmapLayout.R_VALUES + 8 * i, Double.NaN);
        }
        int at = offset + MmapLayout.R_STRINGS;
        for (byte[] string : strings) {
            buffer.putShort(at, (short) string.length);
            buffer.put(at + 2, string);
            at += 2 + string.length;
        }
        end += length;
        records++;
        INTS.setRelease(buffer, MmapLayout.H_RECORDS, records);
        INTS.setRelease(buffer, MmapLayout.H_END, end);
        return offset;
    }

    /** Sets the six values of the record at {@code offset}: sequence odd, values, sequence even. */
    void write(int offset, double[] values) {
        long sequence = (long) LONGS.get(buffer, offset + MmapLayout.R_SEQUENCE);
        LONGS.setOpaque(buffer, offset + MmapLayout.R_SEQUENCE, sequence + 1);
        VarHandle.storeStoreFence();
        for (int i = 0; i < MmapLayout.VALUE_COUNT; i++) {
            double value = i < values.length ? values[i] : Double.NaN;
            LONGS.setOpaque(buffer, offset + MmapLayout.R_VALUES + 8 * i, Double.doubleToRawLongBits(value));
        }
        LONGS.setRelease(buffer, offset + MmapLayout.R_SEQUENCE, sequence + 2);
    }

    /** Marks the record at {@code offset} as a meter no longer in the registry (its values stay as last seen), or back. */
    void markRemoved(int offset, boolean removed) {
        buffer.put(offset + MmapLayout.R_FLAGS, (byte) (removed ? MmapLayout.RECORD_REMOVED : 0));
    }

    /** The publisher finished a round at {@code epochMillis}. */
    void updated(long epochMillis) {
        LONGS.setRelease(buffer, MmapLayout.H_UPDATED, epochMillis);
    }

    /** The publisher closed: the values are final. */
    void markClosed() {
        flags |= MmapLayout.FLAG_CLOSED;
        INTS.setRelease(buffer, MmapLayout.H_FLAGS, flags);
    }

    int records() {
        return records;
    }

    int leftOut() {
        return leftOut;
    }

    /** UTF-8, cut to {@link MmapLayout#MAX_STRING} bytes at a character boundary. */
    static byte[] utf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MmapLayout.MAX_STRING) {
            return bytes;
        }
        int cut = MmapLayout.MAX_STRING;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return Arrays.copyOf(bytes, cut);
    }
}
