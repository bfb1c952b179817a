package dev.viewmetrics.spring.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/** Work of a known cost, measured by the current thread's CPU clock so a busy machine cannot shorten it. */
public final class Cpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private Cpu() {
    }

    /** Keeps the current thread busy for {@code millis} of its own CPU time. */
    public static void burn(long millis) {
        long start = THREADS.getCurrentThreadCpuTime();
        long x = 0;
        while (THREADS.getCurrentThreadCpuTime() - start < millis * 1_000_000L) {
            for (int i = 0; i < 1000; i++) {
                x += Long.numberOfTrailingZeros(x + i);
            }
        }
        sink = x;
    }

    /** Sleeps {@code millis} of wall time without using CPU. */
    public static void idle(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        for (long left = millis * 1_000_000L; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
