/** StatsD: flavors and naming, wire sanitising, the registry wiring and the resilient connector. */
package dev.viewmetrics.core.statsd;
