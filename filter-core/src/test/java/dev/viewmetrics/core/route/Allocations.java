package dev.viewmetrics.core.route;

import java.lang.management.ManagementFactory;

/** Measures the heap bytes the current thread allocates while running an action (HotSpot's per-thread counter). */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 5;
    private static final int RUNS_PER_ROUND = 2_000;

    private Allocations() {
    }

    /**
     * Returns the bytes allocated by {@value #RUNS_PER_ROUND} runs of {@code action} in the steady state: the least
     * over a few rounds, so that one-off allocations of the JIT compiler changing code under the loop do not count,
     * while anything the action itself allocates shows up in every round.
     */
    static long steadyStateBytesAllocatedBy(Runnable action) {
        long least = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < RUNS_PER_ROUND; i++) {
                action.run();
            }
            least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }
}
