/**
 * sprockets-statsd's Tornado mixins for servlets: {@link dev.viewmetrics.mixins.StatsdApplication} (the lifecycle,
 * a {@code ServletContextListener}), {@link dev.viewmetrics.mixins.StatsdHandler} (metric methods for any servlet)
 * and {@link dev.viewmetrics.mixins.StatsdHttpServlet} (adds the per-request timer), in sprockets' wire format.
 */
package dev.viewmetrics.mixins;
