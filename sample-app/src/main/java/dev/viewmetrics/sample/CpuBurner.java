package dev.viewmetrics.sample;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Burns CPU on the calling thread, measured by its CPU clock (wall clock where that is unavailable). */
public final class CpuBurner {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private CpuBurner() {
    }

    /** Uses {@code millis} of CPU time. */
    public static void burn(long millis) {
        long budget = millis * 1_000_000L;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallEnd = System.nanoTime() + budget;
        long x = sink;
        while (cpuStart >= 0 ? THREADS.getCurrentThreadCpuTime() - cpuStart < budget : System.nanoTime() < wallEnd) {
            for (int i = 0; i < 2000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
    }
}
