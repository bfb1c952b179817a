package dev.viewmetrics.core.statsd;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines encoded as UTF-8, each followed by a newline, ready for one datagram or one stream write.
 * It remembers where every line ends, so that after a partial write it can tell which lines were
 * written whole and keep exactly the others (a line cut in the middle is kept whole: the agent
 * discards an unterminated line, so nothing it counted is sent twice).
 */
final class TransportBatch {

    private final int limit;
    private byte[] bytes;
    private int size;
    private int[] ends = new int[64];
    private int lines;
    private int written;
    private int completed;
    private ByteBuffer view;

    /** @param limit the most bytes the batch holds, newlines included; one longer line is still taken alone */
    TransportBatch(int limit) {
        this.limit = limit;
        this.bytes = new byte[limit];
    }

    /**
     * Appends a line, given as {@code length} bytes of {@code src} from {@code from}, and its newline.
     *
     * @return false, leaving the batch as it was, when the batch holds lines and this one would not fit
     */
    boolean add(byte[] src, int from, int length) {
        if (lines > 0 && size + length + 1 > limit) {
            return false;
        }
        ensureCapacity(size + length + 1);
        System.arraycopy(src, from, bytes, size, length);
        append(length);
        return true;
    }

    /** {@link #add(byte[], int, int)} of a line's UTF-8 bytes. */
    boolean add(String line) {
        byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
        return add(encoded, 0, encoded.length);
    }

    private void append(int length) {
        size += length;
        bytes[size++] = '\n';
        if (lines == ends.length) {
            ends = Arrays.copyOf(ends, lines * 2);
        }
        ends[lines++] = size;
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, needed);
        }
    }

    /** @return the lines held, written or not */
    int lines() {
        return lines;
    }

    /** @return the lines not yet written whole */
    int unwrittenLines() {
        return lines - completed;
    }

    boolean isEmpty() {
        return lines == 0;
    }

    /** @return every line, newline-separated, without the last newline: one datagram's payload */
    ByteBuffer datagram() {
        return view(0, size - 1);
    }

    /** @return the bytes not yet written; pass its position to {@link #written} after a write */
    ByteBuffer unwritten() {
        return view(written, size);
    }

    /** The bytes from {@code from} to {@code to} in one buffer kept across writes (a new one only if they grew). */
    private ByteBuffer view(int from, int to) {
        if (view == null || view.array() != bytes) {
            view = ByteBuffer.wrap(bytes);
        }
        view.limit(to).position(from);
        return view;
    }

    /**
     * Records that everything before {@code position} has been written.
     *
     * @return how many lines this completed
     */
    int written(int position) {
        written = position;
        int before = completed;
        while (completed < lines && ends[completed] <= written) {
            completed++;
        }
        return completed - before;
    }

    /** Records that the whole batch has been written. */
    void allWritten() {
        written(size);
    }

    /** Forgets the lines written whole and rewinds a partly written line, keeping the rest for a new connection. */
    void keepUnwritten() {
        int start = completed == 0 ? 0 : ends[completed - 1];
        if (start > 0) {
            System.arraycopy(bytes, start, bytes, 0, size - start);
            for (int i = completed; i < lines; i++) {
                ends[i - completed] = ends[i] - start;
            }
            size -= start;
            lines -= completed;
        }
        completed = 0;
        written = 0;
    }

    /** Empties the batch; a buffer that grew for one long line goes back to its normal size. */
    void clear() {
        size = 0;
        lines = 0;
        written = 0;
        completed = 0;
        if (bytes.length > limit) {
            bytes = new byte[limit];
        }
    }
}
