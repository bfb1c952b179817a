package dev.viewmetrics.core.statsd;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded hand-over between the threads that record metrics and the one sender thread. Offering
 * never blocks and allocates nothing; a line that finds the queue full is counted as dropped
 * ({@code queue_full}).
 */
final class LineQueue {

    /** Put on the queue by {@link #wake()} to end the sender's wait; never sent. */
    private static final String WAKE_UP = new String("wake up");

    private final ArrayBlockingQueue<String> lines;
    private final ConnectorCounters counters;
    private final int capacity;

    LineQueue(int capacity, ConnectorCounters counters) {
        this.capacity = capacity;
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.counters = counters;
    }

    /** Enqueues a line, or counts it as dropped ({@code queue_full}) and returns false. */
    boolean offer(String line) {
        if (lines.offer(line)) {
            return true;
        }
        counters.dropped(ConnectorCounters.Drop.QUEUE_FULL, 1);
        return false;
    }

    /**
     * Waits up to {@code timeoutNanos} for the next line.
     *
     * @return the line, or {@code null} on time-out or after {@link #wake()}
     */
    String poll(long timeoutNanos) throws InterruptedException {
        String line = lines.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        return line == WAKE_UP ? null : line;
    }

    /** @return the next line without waiting, or {@code null} when none is queued */
    String poll() {
        String line;
        do {
            line = lines.poll();
        } while (line == WAKE_UP);
        return line;
    }

    /**
     * Moves up to {@code max} queued lines, in order, to the end of {@code target} with one lock acquisition.
     *
     * @return how many lines were moved (wake-up markers are dropped, not counted)
     */
    int drainTo(Collection<String> target, int max) {
        int before = target.size();
        lines.drainTo(target, max);
        target.removeIf(line -> line == WAKE_UP);
        return target.size() - before;
    }

    /** Ends a {@link #poll(long)} that waits on an empty queue (a no-op when the queue is full). */
    void wake() {
        lines.offer(WAKE_UP);
    }

    /** Removes every queued line and counts it as dropped for {@code reason}. */
    void dropAll(ConnectorCounters.Drop reason) {
        long count = 0;
        for (String line = poll(); line != null; line = poll()) {
            count++;
        }
        counters.dropped(reason, count);
    }

    /** @return the number of lines waiting (a wake-up marker, if any, counts as one for a moment) */
    int size() {
        return lines.size();
    }

    boolean isEmpty() {
        String head = lines.peek();
        return head == null || (head == WAKE_UP && lines.size() == 1);
    }

    int capacity() {
        return capacity;
    }
}
