package dev.viewmetrics.core.record;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The heap bytes the current thread has allocated so far, from HotSpot's
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}: a read of a thread-local counter,
 * not a system call (about 20 ns, against some 700 ns for {@link CpuClock}). It reads {@link #UNAVAILABLE} where
 * the JVM cannot measure it: on virtual threads, on a JVM without that MXBean, or with the measurement disabled.
 */
public final class AllocationClock {

    /** The reading when allocated bytes are not known: never record a sample built from it. */
    public static final long UNAVAILABLE = -1L;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = detect();

    private AllocationClock() {
    }

    /** Bytes allocated by the current thread so far, or {@link #UNAVAILABLE}. */
    public static long now() {
        return SUPPORTED ? ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes() : UNAVAILABLE;
    }

    /** The bytes allocated between two readings, or {@link #UNAVAILABLE} if either is unknown. */
    public static long elapsed(long start, long end) {
        return start < 0 || end < 0 || end < start ? UNAVAILABLE : end - start;
    }

    /** Whether this JVM can measure allocated bytes per thread (platform threads; virtual threads read unknown). */
    public static boolean isSupported() {
        return SUPPORTED;
    }

    /** Whether it measures them now: supported, and not disabled through the MXBean. */
    public static boolean isEnabled() {
        try {
            return SUPPORTED && ((com.sun.management.ThreadMXBean) THREADS).isThreadAllocatedMemoryEnabled();
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static boolean detect() {
        try {
            return THREADS instanceof com.sun.management.ThreadMXBean hotspot
                    && hotspot.isThreadAllocatedMemorySupported();
        } catch (UnsupportedOperationException | SecurityException | LinkageError e) {
            return false; // LinkageError: a runtime image without the jdk.management module
        }
    }
}
