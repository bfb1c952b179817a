package dev.viewmetrics.stats.history;

/**
 * What one sampling pass read of a meter: its cumulative count and total wall time, its current max and p99 (as the
 * meter keeps them over its own recent window), and the cumulative counts and totals of its CPU timer and its
 * allocation summary. Times in milliseconds, allocation in bytes; {@code NaN} where the meter has no such value.
 */
public record Reading(double count, double wallTotal, double wallMax, double wallP99, double cpuCount,
        double cpuTotal, double allocatedCount, double allocatedTotal) {
}
