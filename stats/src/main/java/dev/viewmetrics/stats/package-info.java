/**
 * Reading a running process's metrics directly, each opt-in and off the request path: the stats page
 * ({@link dev.viewmetrics.stats.StatsServlet}), periodic JSON file reports
 * ({@link dev.viewmetrics.stats.JsonFileReporter}), live stats in a memory-mapped file
 * ({@link dev.viewmetrics.stats.MmapPublisher}) and the command line that reads those files
 * ({@link dev.viewmetrics.stats.StatsCli}).
 */
package dev.viewmetrics.stats;
