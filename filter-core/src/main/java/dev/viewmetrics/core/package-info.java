/**
 * viewmetrics core: the servlet filter, its builder, {@code TimingStats} and the {@code StatsD} wrapper.
 */
package dev.viewmetrics.core;
