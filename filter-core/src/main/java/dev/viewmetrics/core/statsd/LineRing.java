package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.statsd.ConnectorCounters.Drop;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded hand-over between the threads that record metrics and the one sender thread: StatsD lines as bytes
 * in a ring allocated once, written by any number of threads without a lock and read, in order, by the sender.
 * A writer claims room for a whole line with one compare-and-set, writes its bytes in place and commits it; a line
 * that finds the ring full (by lines or by bytes) or closed is counted as dropped and the writer goes on.
 *
 * <p>Layout: each record is the line's bytes, padded to 16 bytes, and a header in a separate {@code int} array, one
 * per 16 bytes of the ring (a quarter more memory; a header in the byte array itself could not be read and
 * written with memory-ordering guarantees on every JDK). A record's header is 0 while the line is being written,
 * {@link #COMMITTED} and its length once published, {@link #SKIPPED} and its length when the writer failed (read and
 * thrown away), and minus the padding's length where the ring wraps (nothing, skipped). One {@code long} holds the
 * writers' position as lines and bytes written so far, another the reader's, so that one compare-and-set checks
 * both bounds and claims both. The reader sets each header it has read back to 0 before it moves on, so that a
 * header only ever reads non-zero once its line is complete; it never writes the lines' bytes.
 *
 * <p>The sender does not sleep on a lock that every line would have to signal: it looks every
 * {@link #POLL_NANOS} while the ring is empty, and a writer wakes it only when the ring holds
 * {@link #wakeAt} lines, once per fill. Reading is serialised by this object's monitor (the sender, and the
 * connector's close).
 */
final class LineRing {

    /** Bytes set aside per line of the line bound: the byte bound is this times the line bound (plus the headers). */
    static final int BYTES_PER_LINE = 128;
    static final int MIN_CAPACITY = 64 * 1024;
    static final int MAX_CAPACITY = 1 << 30;
    /** How long the sender waits at most between two looks at an empty ring. */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Bytes per header: every record starts at a multiple of it. */
    private static final int ALIGNMENT = 16;
    /** Header bit of a published line; the low bits are its length. */
    private static final int COMMITTED = 1 << 29;
    /** Header bit of a record whose writer failed: the reader counts it as a line and sends nothing. */
    private static final int SKIPPED = 1 << 30;
    private static final int LENGTH_BITS = COMMITTED - 1;
    private static final long LOW_BITS = 0xFFFF_FFFFL;
    /** Index of the value in a padded cell: 64 bytes on each side keep writers and the reader off each other's line. */
    private static final int CELL = 8;

    private static final VarHandle INT = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle LONG = MethodHandles.arrayElementVarHandle(long[].class);

    private final byte[] buffer;
    /** The header of the record starting at byte {@code i * ALIGNMENT}, at {@code i}. */
    private final int[] headers;
    private final int capacity;
    private final int mask;
    private final int maxLines;
    private final int maxRecord;
    private final int wakeAt;
    private final ConnectorCounters counters;
    /** Lines (high 32 bits) and bytes (low 32 bits) claimed so far, both modulo 2^32. */
    private final long[] tail = new long[2 * CELL + 1];
    /** Lines and bytes read so far, as {@link #tail}; written by the reader only. */
    private final long[] head = new long[2 * CELL + 1];
    private volatile boolean closed;
    private volatile boolean terminated;
    private volatile Thread reader;

    /**
     * A ring holding at most {@code maxLines} lines in {@code maxLines × 128} bytes (a power of two, 64 KiB to
     * 1 GiB) and a quarter of that for headers, allocated now; a line longer than half the ring is never taken.
     */
    LineRing(int maxLines, ConnectorCounters counters) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("the StatsD queue must hold at least one line, not " + maxLines);
        }
        this.maxLines = maxLines;
        this.capacity = capacityFor(maxLines);
        this.mask = capacity - 1;
        this.maxRecord = capacity / 2;
        this.wakeAt = Math.max(1, Math.min(maxLines / 4, 256));
        this.buffer = new byte[capacity];
        this.headers = new int[capacity / ALIGNMENT];
        this.counters = counters;
    }

    private static int capacityFor(int maxLines) {
        long wanted = Math.max(MIN_CAPACITY, (long) maxLines * BYTES_PER_LINE);
        return wanted >= MAX_CAPACITY ? MAX_CAPACITY : Integer.highestOneBit((int) wanted - 1) << 1;
    }

    // ---- writers (any thread) ----

    /**
     * Claims room for a line of {@code length} bytes.
     *
     * @return where its first byte goes in {@link #buffer()}, to be passed to {@link #commit} (or {@link #abort});
     *         -1 when the line is dropped, counted as {@code queue_full} or {@code closed}
     */
    int claim(int length) {
        if (closed) {
            counters.dropped(Drop.CLOSED, 1);
            return -1;
        }
        int record = Math.max(ALIGNMENT, align(length));
        if (length < 0 || record > maxRecord) {
            counters.dropped(Drop.QUEUE_FULL, 1);
            return -1;
        }
        while (true) {
            long claimed = (long) LONG.getVolatile(tail, CELL);
            long read = (long) LONG.getAcquire(head, CELL);
            int lines = (int) (claimed >>> 32);
            int bytes = (int) claimed;
            int queued = lines - (int) (read >>> 32);
            int offset = bytes & mask;
            int padding = record > capacity - offset ? capacity - offset : 0;
            if (queued >= maxLines || (long) (bytes - (int) read) + padding + record > capacity) {
                counters.dropped(Drop.QUEUE_FULL, 1);
                return -1;
            }
            long next = ((long) (lines + 1) << 32) | ((bytes + padding + record) & LOW_BITS);
            if (LONG.compareAndSet(tail, CELL, claimed, next)) {
                if (padding > 0) {
                    INT.setRelease(headers, offset / ALIGNMENT, -padding);
                    offset = 0;
                }
                if (queued + 1 == wakeAt) {
                    wake();
                }
                return offset;
            }
        }
    }

    /** The ring's bytes: a claimed line is written at the offset {@link #claim} returned. */
    byte[] buffer() {
        return buffer;
    }

    /**
     * Publishes a line written at {@code at} (as returned by {@link #claim}).
     *
     * @return true when it will be sent; false when the connector was closed for good meanwhile (counted)
     */
    boolean commit(int at, int length) {
        INT.setRelease(headers, at / ALIGNMENT, COMMITTED | length);
        return accepted();
    }

    /** Gives up a claimed line whose writing failed: the reader skips it, nothing of it is sent. */
    void abort(int at, int length) {
        INT.setRelease(headers, at / ALIGNMENT, SKIPPED | length);
        accepted();
    }

    /** Queues {@code line} (without its newline), encoded as UTF-8; false when it was dropped (counted). */
    boolean offer(String line) {
        int length = line.length();
        for (int i = 0; i < length; i++) {
            if (line.charAt(i) >= 0x80) {
                return offer(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        int at = claim(length);
        if (at < 0) {
            return false;
        }
        byte[] dst = buffer;
        for (int i = 0; i < length; i++) {
            dst[at + i] = (byte) line.charAt(i);
        }
        return commit(at, length);
    }

    private boolean offer(byte[] line) {
        int at = claim(line.length);
        if (at < 0) {
            return false;
        }
        System.arraycopy(line, 0, buffer, at, line.length);
        return commit(at, line.length);
    }

    /** After a line was published: if the reader is gone for good, nothing will send it, so it is dropped. */
    private boolean accepted() {
        if (terminated) {
            dropAll(Drop.CLOSED);
            return false;
        }
        return true;
    }

    // ---- lifecycle ----

    /** Refuses every line from now on (counted as {@code closed}); what is queued can still be read. */
    void close() {
        closed = true;
    }

    /** Refuses every line and drops what is queued, now and whatever a writer still publishes (all {@code closed}). */
    void terminate() {
        closed = true;
        terminated = true;
        dropAll(Drop.CLOSED);
    }

    // ---- the reader (the sender thread; close) ----

    /**
     * Moves whole lines, in order, into {@code batch} while they fit (a line longer than the batch's limit goes into
     * an empty batch alone), up to the first line still being written.
     *
     * @return the lines moved
     */
    synchronized int drainTo(TransportBatch batch) {
        return read(batch);
    }

    /** Drops every published line, counted for {@code reason}. */
    synchronized void dropAll(Drop reason) {
        counters.dropped(reason, read(null));
    }

    private int read(TransportBatch batch) {
        long read = (long) LONG.getOpaque(head, CELL);
        int lines = (int) (read >>> 32);
        int start = (int) read;
        int bytes = start;
        int moved = 0;
        while (bytes - start < capacity) {
            int offset = bytes & mask;
            int slot = offset / ALIGNMENT;
            int header = (int) INT.getAcquire(headers, slot);
            if (header == 0) {
                break;
            }
            if (header < 0) {
                headers[slot] = 0;
                bytes -= header;
                continue;
            }
            int length = header & LENGTH_BITS;
            boolean skipped = (header & SKIPPED) != 0;
            if (!skipped && batch != null && !batch.add(buffer, offset, length)) {
                break;
            }
            headers[slot] = 0; // published to writers by the release of the new head below
            bytes += Math.max(ALIGNMENT, align(length));
            lines++;
            if (!skipped) {
                moved++;
            }
        }
        if (bytes != start) {
            LONG.setRelease(head, CELL, ((long) lines << 32) | (bytes & LOW_BITS));
        }
        return moved;
    }

    /**
     * Waits up to {@code timeoutNanos} for a line, looking every {@link #POLL_NANOS} (sooner when woken).
     *
     * @return whether lines are queued
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean awaitLines(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        reader = Thread.currentThread();
        while (isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(this, Math.min(left, POLL_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for StatsD lines");
            }
        }
        return true;
    }

    /** Ends an {@link #awaitLines} wait now, if one is under way. */
    void wake() {
        Thread waiting = reader;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    // ---- state ----

    /** {@return the lines claimed and not yet read, those still being written included} */
    int size() {
        int read = (int) ((long) LONG.getVolatile(head, CELL) >>> 32); // first: the tail read after it is not behind
        return (int) ((long) LONG.getVolatile(tail, CELL) >>> 32) - read;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** {@return the ring's size in bytes} */
    int bytes() {
        return capacity;
    }

    private static int align(int length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
