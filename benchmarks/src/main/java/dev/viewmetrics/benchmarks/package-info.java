/**
 * JMH benchmarks of viewmetrics against the tools it replaces: the filter's cost per request
 * ({@link dev.viewmetrics.benchmarks.FilterOverheadBenchmark}) and the StatsD connector's throughput
 * ({@link dev.viewmetrics.benchmarks.ConnectorThroughputBenchmark}). Run them from {@code benchmarks/target/benchmarks.jar}.
 */
package dev.viewmetrics.benchmarks;
