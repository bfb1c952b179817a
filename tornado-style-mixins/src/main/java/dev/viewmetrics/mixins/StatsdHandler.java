package dev.viewmetrics.mixins;

import jakarta.servlet.ServletContext;

import java.time.Duration;

/**
 * The handler mixin: sprockets-statsd's {@code RequestHandler} methods for any servlet (every
 * {@code HttpServlet} already has {@link #getServletContext()}). Path parts are joined with {@code .}.
 * Without a running {@link StatsdApplication}, or with StatsD disabled, every method is a no-op.
 *
 * <pre>{@code
 * public class WidgetHandler extends StatsdHttpServlet {
 *     protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
 *         try (var t = executionTimer("widgets", "load")) { ... }
 *         increaseCounter("widgets", "served");
 *     }
 * }
 * }</pre>
 */
public interface StatsdHandler {

    /** The servlet context whose {@link StatsdApplication} sends the metrics. */
    ServletContext getServletContext();

    /** The client to send through (disabled when StatsD is not running). */
    default StatsdClient statsdClient() {
        return StatsdApplication.client(getServletContext());
    }

    /** Records {@code duration} as {@code {prefix}.timers.{path}}. */
    default void recordTiming(Duration duration, String... path) {
        statsdClient().timing(MetricPath.join(path), duration);
    }

    /** Records {@code seconds} (sprockets' unit) as {@code {prefix}.timers.{path}}, sent in milliseconds. */
    default void recordTiming(double seconds, String... path) {
        statsdClient().timing(MetricPath.join(path), seconds);
    }

    /** Adds one to {@code {prefix}.counters.{path}}. */
    default void increaseCounter(String... path) {
        increaseCounter(1, path);
    }

    /** Adds {@code amount} to {@code {prefix}.counters.{path}}. */
    default void increaseCounter(long amount, String... path) {
        statsdClient().incr(MetricPath.join(path), amount);
    }

    /** Times a block into {@code {prefix}.timers.{path}}: {@code try (var t = executionTimer("db", "query")) {…}}. */
    default StatsdClient.Timer executionTimer(String... path) {
        return statsdClient().timer(MetricPath.join(path));
    }
}
