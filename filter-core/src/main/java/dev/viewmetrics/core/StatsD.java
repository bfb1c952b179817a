package dev.viewmetrics.core;

import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.core.record.RealSamples;
import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.statsd.FlavorLineBuilder;
import dev.viewmetrics.core.statsd.LineFormat;
import dev.viewmetrics.core.statsd.StatsdConnector;
import dev.viewmetrics.core.statsd.StatsdFlavor;
import dev.viewmetrics.core.statsd.StatsdLineRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A StatsD client that injects the global tags ({@code service}, {@code environment}, {@code version}) into
 * every metric, on top of a Micrometer registry: {@code increment}, {@code decrement}, {@code count},
 * {@code gauge}, {@code timing}, {@code timer}, {@code histogram}. With no {@code statsd.host} it records into
 * an in-process registry instead, so code that uses it works the same without an agent.
 *
 * <pre>{@code
 * try (StatsD statsd = StatsD.builder().host("127.0.0.1").service("shop").environment("prod").build()) {
 *     statsd.increment("orders.placed", "country", "IS");
 *     try (StatsD.Timing t = statsd.timer("checkout")) { checkout(); }
 * }
 * }</pre>
 *
 * Tags are given as key/value pairs. Counters: a negative delta ({@link #decrement}) is sent to the agent as a
 * negative StatsD counter line, which agents add up; without an agent it is counted as {@code {name}.decrement}.
 */
public final class StatsD implements AutoCloseable {

    /** The in-process registry's settings: totals since start (not per step), as a stats page shows them. */
    public static final SimpleConfig CUMULATIVE = key -> "simple.mode".equals(key) ? "CUMULATIVE" : null;

    private final MeterRegistry registry;
    private final boolean ownsRegistry;
    private final Tags globalTags;
    private final Map<String, String> globalTagMap;
    private final LineFormat agentFormat;
    private final StatsdConnector agentSink;
    private final ConcurrentHashMap<Meter.Id, GaugeValue> gauges = new ConcurrentHashMap<>();
    /** The rendered name and tags of the lines this client writes itself (decrements, gauges), per meter. */
    private final ConcurrentHashMap<Meter.Id, FlavorLineBuilder> agentLines = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private StatsD(MeterRegistry registry, boolean ownsRegistry, Map<String, String> globalTagMap,
            LineFormat agentFormat, StatsdConnector agentSink) {
        this.registry = registry;
        this.ownsRegistry = ownsRegistry;
        this.globalTagMap = Collections.unmodifiableMap(new LinkedHashMap<>(globalTagMap));
        this.globalTags = toTags(globalTagMap);
        this.agentFormat = agentFormat;
        this.agentSink = agentSink;
    }

    /** A builder; every setting not given falls back to the environment ({@code STATSD_HOST}, {@code SERVICE}, …). */
    public static Builder builder() {
        return new Builder();
    }

    /** A client configured from environment variables only ({@code STATSD_*}, {@code SERVICE}/{@code DD_SERVICE}, …). */
    public static StatsD fromEnvironment() {
        return builder().build();
    }

    /** The registry every metric goes through; add your own meters to it to get the global tags too. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The global tags, e.g. {@code {service=shop, environment=prod}}. */
    public Map<String, String> globalTags() {
        return globalTagMap;
    }

    /** Whether metrics are sent to a StatsD agent (else they stay in the in-process registry). */
    public boolean hasAgent() {
        return agentSink != null;
    }

    /** Adds one to counter {@code name}. */
    public void increment(String name, String... tags) {
        count(name, 1, tags);
    }

    /** Subtracts one from counter {@code name}. */
    public void decrement(String name, String... tags) {
        count(name, -1, tags);
    }

    /** Adds {@code delta} (may be negative) to counter {@code name}. */
    public void count(String name, long delta, String... tags) {
        if (delta > 0) {
            Counter.builder(name).tags(tags(tags)).register(registry).increment(delta);
        } else if (delta < 0) {
            if (agentSink != null) {
                agentSink.accept(agentLine(id(name, tags, Meter.Type.COUNTER)).count(delta));
            } else {
                Counter.builder(name + ".decrement").tags(tags(tags)).register(registry).increment(-delta);
            }
        }
    }

    /** Sets gauge {@code name} to {@code value}; the agent receives it at once and the registry keeps it. */
    public void gauge(String name, double value, String... tags) {
        Meter.Id id = id(name, tags, Meter.Type.GAUGE);
        GaugeValue holder = gauges.computeIfAbsent(id, key -> {
            GaugeValue created = new GaugeValue();
            Gauge.builder(name, created, GaugeValue::get).tags(tags(tags)).register(registry);
            return created;
        });
        holder.set(value);
        if (agentSink != null) {
            agentSink.accept(agentLine(id).gauge(value));
        }
    }

    /** Records {@code duration} in timer {@code name}. */
    public void timing(String name, Duration duration, String... tags) {
        Timer.builder(name).tags(tags(tags)).pauseDetector(RealSamples.PAUSE_DETECTOR).register(registry)
                .record(duration);
    }

    /** Starts a wall-clock timer recorded into timer {@code name} when closed. */
    public Timing timer(String name, String... tags) {
        Timer timer = Timer.builder(name).tags(tags(tags)).pauseDetector(RealSamples.PAUSE_DETECTOR)
                .register(registry);
        long start = System.nanoTime();
        return () -> timer.record(Duration.ofNanos(System.nanoTime() - start));
    }

    /** Records {@code value} in distribution {@code name} (a StatsD histogram). */
    public void histogram(String name, double value, String... tags) {
        DistributionSummary.builder(name).tags(tags(tags)).register(registry).record(value);
    }

    /** The connector lines go through to the agent, or {@code null} without an agent. */
    public StatsdConnector connector() {
        return agentSink;
    }

    /**
     * Releases the registry, if this client created it, then flushes what is queued for the agent (bounded by
     * {@code statsd.close-timeout}) and stops the connector. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsRegistry) {
            registry.close();
            if (agentSink != null) {
                agentSink.close();
            }
        }
    }

    private FlavorLineBuilder agentLine(Meter.Id id) {
        return agentLines.computeIfAbsent(id, agentFormat::builderFor);
    }

    private Tags tags(String... keyValues) {
        return Tags.of(keyValues).and(globalTags);
    }

    private Meter.Id id(String name, String[] tags, Meter.Type type) {
        return new Meter.Id(name, tags(tags), null, null, type);
    }

    private static Tags toTags(Map<String, String> map) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            tags = tags.and(entry.getKey(), entry.getValue());
        }
        return tags;
    }

    /** A running timer; {@link #close()} records it. */
    @FunctionalInterface
    public interface Timing extends AutoCloseable {
        /** Stops the timer and records the elapsed wall time. */
        @Override
        void close();
    }

    /** The current value of one gauge. */
    private static final class GaugeValue {
        private volatile double value;

        double get() {
            return value;
        }

        void set(double value) {
            this.value = value;
        }
    }

    /**
     * Builds a {@link StatsD}. Keys and environment variables are those of the configuration table; explicit
     * values win over the environment.
     */
    public static final class Builder extends GlobalTagsBuilder<Builder> {

        private MeterRegistry registry;

        private Builder() {
        }

        /** The agent's host (or socket path for {@code uds}); unset means no agent. */
        public Builder host(String host) {
            return set("statsd.host", host);
        }

        /** The agent's port, 8125 by default. */
        public Builder port(int port) {
            return set("statsd.port", Integer.toString(port));
        }

        /** {@code udp} (default), {@code tcp} or {@code uds}. */
        public Builder protocol(String protocol) {
            return set("statsd.protocol", protocol);
        }

        /** {@code datadog} (default), {@code etsy}, {@code telegraf} or {@code sysdig}. */
        public Builder flavor(String flavor) {
            return set("statsd.flavor", flavor);
        }

        /** A prefix for every metric name; etsy defaults it to {@code {service}.{environment}}. */
        public Builder prefix(String prefix) {
            return set("statsd.prefix", prefix);
        }

        /** Records into {@code registry} (kept open by {@link StatsD#close()}) instead of creating one. */
        public Builder registry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** Builds the client; an invalid setting fails with a message naming the key. */
        public StatsD build() {
            return build(settings(), "view");
        }

        StatsD build(Settings settings, String baseName) {
            Map<String, String> globalTags = globalTags(settings);
            if (registry != null) {
                return new StatsD(registry, false, globalTags, null, null);
            }
            String host = settings.get("statsd.host");
            if (host == null) {
                SimpleMeterRegistry local = new SimpleMeterRegistry(CUMULATIVE, Clock.SYSTEM);
                local.config().commonTags(toTags(globalTags));
                return new StatsD(local, true, globalTags, null, null);
            }
            StatsdFlavor flavor = LineFormat.parseFlavor(settings.get("statsd.flavor", "datadog"));
            LineFormat format = LineFormat.of(flavor, settings.get("statsd.prefix"), baseName, globalTags);
            Duration pollInterval = pollInterval(settings);
            StatsdConnector connector = new StatsdConnector(ConnectorSettings.from(settings)).start();
            StatsdLineRegistry statsd = new StatsdLineRegistry(format, connector, pollInterval);
            statsd.config().commonTags(toTags(globalTags));
            connector.bindTo(statsd);
            FunctionCounter.builder("viewmetrics.statsd.errors", statsd, StatsdLineRegistry::errors)
                    .description("StatsD lines lost to a fault while formatting, sending or polling them")
                    .baseUnit("lines").register(statsd);
            statsd.start();
            return new StatsD(statsd, true, globalTags, format, connector);
        }

        private static Duration pollInterval(Settings settings) {
            Duration interval = settings.getDuration("statsd.poll-interval", StatsdLineRegistry.DEFAULT_POLL_INTERVAL);
            if (interval.isZero()) {
                throw Settings.invalid("statsd.poll-interval", settings.get("statsd.poll-interval"),
                        "a positive duration");
            }
            return interval;
        }

        private static Map<String, String> globalTags(Settings settings) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (String key : LineFormat.GLOBAL_TAG_KEYS_IN_ORDER) {
                String value = settings.get(key);
                if (value != null) {
                    tags.put(key, value);
                }
            }
            return tags;
        }
    }
}
