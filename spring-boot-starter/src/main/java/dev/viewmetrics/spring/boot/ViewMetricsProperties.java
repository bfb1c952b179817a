package dev.viewmetrics.spring.boot;

import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.statsd.StatsdFlavor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * viewmetrics' configuration keys as Spring Boot properties under {@code viewmetrics.} ({@code viewmetrics.service},
 * {@code viewmetrics.statsd.host}, …), typed and documented for IDE completion. A property left unset
 * ({@code null}) keeps the core's default, or the value of the environment variable the core reads for it
 * ({@code STATSD_HOST}, {@code SERVICE}, {@code DD_ENV}, …).
 *
 * @param enabled        Whether requests are measured: false turns the auto-configuration off, and the filter of
 *                       an application's own EnableViewMetrics then passes every request straight through.
 * @param service        The service global tag (also names report and stats files).
 * @param environment    The environment global tag ("prod", "staging", ...).
 * @param version        The version global tag.
 * @param routes         Declared route templates for paths Spring does not map (plain servlets), relative to the
 *                       context path.
 * @param maxRoutes      How many distinct routes are reported before new ones are reported as OTHER.
 * @param cpuTime        Whether the CPU time of each request thread is measured (view.cpu).
 * @param cpuSampleEvery Measure CPU time on one request in this many, chosen at random (1: every request).
 * @param allocation     Whether the heap bytes each request thread allocates are measured (view.allocated).
 * @param exclude        Paths that are not measured, as route templates ("/actuator/**").
 * @param handlerTag     Whether request meters get a handler tag naming the controller method
 *                       ("OrderController#item").
 * @param baseName       The base name of the request meters ("view" gives view.duration, view.cpu, view.active).
 * @param globalRegistry Whether viewmetrics' registry joins Micrometer's global registry, where TimingStats outside a
 *                       request records (Spring Boot's own registry is there already unless
 *                       management.metrics.use-global-registry=false).
 * @param statsd         viewmetrics' own StatsD connection, used when its host is set.
 */
@ConfigurationProperties("viewmetrics")
public record ViewMetricsProperties(Boolean enabled, String service, String environment, String version,
        List<String> routes, Integer maxRoutes, Boolean cpuTime, Integer cpuSampleEvery, Boolean allocation,
        List<String> exclude, Boolean handlerTag, String baseName, Boolean globalRegistry,
        @DefaultValue Statsd statsd) {

    /** An upper-case letter starting a word of a component's name. */
    private static final Pattern DASHED_WORD = Pattern.compile("[A-Z]");

    /**
     * The settings of viewmetrics' own StatsD connection, used when {@code viewmetrics.statsd.host} is set.
     *
     * @param host           The StatsD agent's host (the socket path for uds): set, viewmetrics sends to it through
     *                       its own connection instead of recording into Spring Boot's MeterRegistry.
     * @param port           The StatsD agent's port.
     * @param protocol       The transport to the agent.
     * @param flavor         The line format: datadog, telegraf and sysdig carry tags, etsy folds them into the name.
     * @param prefix         Prepended to every name; etsy defaults to "{service}.{environment}", an empty value means
     *                       none.
     * @param queueSize      How many lines may wait for the agent; beyond it lines are dropped and counted.
     * @param maxPacketSize  The size in bytes of the UDP datagrams lines are packed into.
     * @param reconnectMin   The first delay before reconnecting over TCP or UDS (it doubles with each failed try).
     * @param reconnectMax   The longest delay between reconnection attempts.
     * @param reconnectEvery Reconnect this often, so that connections rebalance behind a load balancer (unset: never).
     * @param closeTimeout   How long closing the connection may spend flushing queued lines.
     * @param pollInterval   How often gauges and function meters are sent.
     */
    public record Statsd(String host, Integer port, ConnectorSettings.Protocol protocol, StatsdFlavor flavor,
            String prefix, Integer queueSize, Integer maxPacketSize, Duration reconnectMin, Duration reconnectMax,
            Duration reconnectEvery, Duration closeTimeout, Duration pollInterval) {
    }

    /**
     * The properties that are set, as viewmetrics configuration keys with the values the core parses: each component
     * is the key of its name in dashed form ({@code maxRoutes} is {@code max-routes}, {@code statsd.queueSize} is
     * {@code statsd.queue-size}); lists are joined with commas, enums in lower case, durations in ISO-8601.
     */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        putAll(settings, "", this);
        return settings;
    }

    private static void putAll(Map<String, String> settings, String prefix, Record properties) {
        for (RecordComponent component : properties.getClass().getRecordComponents()) {
            String key = prefix + DASHED_WORD.matcher(component.getName()).replaceAll(word -> "-" + word.group())
                    .toLowerCase(Locale.ROOT);
            Object value = valueOf(component, properties);
            if (value instanceof Record) {
                putAll(settings, key + ".", (Record) value);
            } else if (value instanceof List) {
                settings.put(key, String.join(",", ((List<?>) value).stream().map(String::valueOf).toList()));
            } else if (value instanceof Enum) {
                settings.put(key, ((Enum<?>) value).name().toLowerCase(Locale.ROOT));
            } else if (value != null) {
                settings.put(key, value.toString());
            }
        }
    }

    private static Object valueOf(RecordComponent component, Record properties) {
        try {
            return component.getAccessor().invoke(properties);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("viewmetrics: cannot read property " + component.getName(), e);
        }
    }
}
