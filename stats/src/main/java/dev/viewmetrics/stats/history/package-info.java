/**
 * The in-process history behind the stats page's charts: per meter, a minute-by-minute ring over the last hour and
 * a ten-minute ring over the last 24 hours, of fixed size, filled from cumulative readings by the page's sampling
 * thread. {@link dev.viewmetrics.stats.history.History} keeps them, {@link dev.viewmetrics.stats.history.Reading}
 * is what one pass read, {@link dev.viewmetrics.stats.history.Series} is what a chart or the JSON reads back.
 * Used by {@link dev.viewmetrics.stats.StatsServlet}; applications do not call it.
 */
package dev.viewmetrics.stats.history;
