/**
 * The names the stats page and the file reports' listener had in viewmetrics 0.1, before they moved to
 * {@code dev.viewmetrics.stats} in their own module; kept so that {@code web.xml} files naming them keep working.
 */
package dev.viewmetrics.core.report;
