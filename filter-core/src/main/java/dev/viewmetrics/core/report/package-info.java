/**
 * Reading a running process's metrics directly, each opt-in and off the request path: the stats page
 * ({@link dev.viewmetrics.core.report.StatsServlet}), periodic JSON file reports
 * ({@link dev.viewmetrics.core.report.JsonFileReporter}), live stats in a memory-mapped file
 * ({@link dev.viewmetrics.core.report.MmapPublisher}) and the command line that reads those files
 * ({@link dev.viewmetrics.core.report.StatsCli}).
 */
package dev.viewmetrics.core.report;
