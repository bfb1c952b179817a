package dev.viewmetrics.core.record;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The current thread's CPU time. One read is one {@code getCurrentThreadCpuTime()} call (a system call);
 * it returns {@link #UNAVAILABLE} when the JVM cannot measure it, on virtual threads for instance.
 */
public final class CpuClock {

    /** The reading when no CPU time is known: never record a sample built from it. */
    public static final long UNAVAILABLE = -1L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = isSupported();

    private CpuClock() {
    }

    /** CPU nanoseconds used by the current thread so far, or {@link #UNAVAILABLE}. */
    public static long now() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : UNAVAILABLE;
    }

    /** The CPU time between two readings, or {@link #UNAVAILABLE} if either is unknown. */
    public static long elapsed(long start, long end) {
        return start < 0 || end < 0 || end < start ? UNAVAILABLE : end - start;
    }

    private static boolean isSupported() {
        try {
            return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
