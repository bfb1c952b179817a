package dev.viewmetrics.core;

import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.core.record.AllocationClock;
import dev.viewmetrics.core.record.FaultCounter;
import dev.viewmetrics.core.record.RequestRecorder;
import dev.viewmetrics.core.route.CardinalityGuard;
import dev.viewmetrics.core.route.RouteResolver;
import dev.viewmetrics.core.route.RouteTemplates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One configured instance of viewmetrics: where request metrics go and how routes are named. Build it once,
 * create filters from it, close it at shutdown.
 *
 * <pre>{@code
 * ViewMetrics metrics = ViewMetrics.builder()
 *         .statsdHost("127.0.0.1").service("shop").environment("prod")
 *         .routes("/users/{id}", "/users/{id}/orders/{orderId}")
 *         .build();
 * servletContext.addFilter("viewmetrics", metrics.filter()) ...
 * }</pre>
 */
public final class ViewMetrics implements AutoCloseable {

    /**
     * Default meter base name: {@code view.duration}, {@code view.cpu}, {@code view.allocated}, {@code view.active}.
     */
    public static final String DEFAULT_BASE_NAME = "view";
    /**
     * Servlet context attribute: a {@code MeterRegistry} the application puts there is what filters declared in
     * {@code web.xml} record into (their other settings still come from init-params).
     */
    public static final String REGISTRY_ATTRIBUTE = "dev.viewmetrics.registry";

    /**
     * Servlet context attribute under which the first filter of a web application publishes its
     * {@code ViewMetrics}, for whoever wants to read the numbers (the stats page, reporters).
     */
    public static final String CONTEXT_ATTRIBUTE = "dev.viewmetrics.metrics";

    /** Default bound on distinct routes before new ones are reported as {@code OTHER}. */
    public static final int DEFAULT_MAX_ROUTES = 500;

    private static final System.Logger LOG = System.getLogger("dev.viewmetrics");
    private static final AtomicBoolean ALLOCATION_UNSUPPORTED_LOGGED = new AtomicBoolean();

    final RequestRecorder recorder;
    final FaultCounter faults;
    final boolean enabled;
    final boolean cpuTime;
    /** CPU time is measured on one request in this many (1: every request). */
    final int cpuSampleEvery;
    /** Whether heap bytes allocated are measured (on every request: a read costs no system call). */
    final boolean allocation;
    final boolean handlerTag;
    final Tags globalTags;
    private final StatsD statsd;
    private final boolean ownsStatsd;
    private final RouteTemplates declaredRoutes;
    private final RouteTemplates excluded;
    private final CardinalityGuard guard;
    private final int maxRoutes;
    private final GlobalRegistryMembership globalRegistry;

    private ViewMetrics(Builder builder) {
        Settings settings = builder.settings();
        String baseName = settings.get("base-name", DEFAULT_BASE_NAME);
        this.maxRoutes = settings.getInt("max-routes", DEFAULT_MAX_ROUTES, 1, 1_000_000);
        this.enabled = settings.getBoolean("enabled", true);
        this.cpuTime = settings.getBoolean("cpu-time", true);
        this.cpuSampleEvery = settings.getInt("cpu-sample-every", 1, 1, 1_000_000);
        this.allocation = settings.getBoolean("allocation", true) && allocationMeasurable();
        this.handlerTag = settings.getBoolean("handler-tag", false);
        this.declaredRoutes = templates(settings, "routes");
        this.excluded = templates(settings, "exclude");
        this.guard = new CardinalityGuard(maxRoutes);
        if (builder.statsd != null) {
            this.statsd = builder.statsd;
            this.ownsStatsd = false;
        } else {
            StatsD.Builder statsdBuilder = StatsD.builder().registry(builder.registry);
            this.statsd = statsdBuilder.build(settings, baseName);
            this.ownsStatsd = true;
        }
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> tag : statsd.globalTags().entrySet()) {
            tags = tags.and(tag.getKey(), tag.getValue());
        }
        this.globalTags = tags;
        this.recorder = new RequestRecorder(statsd.registry(), baseName, globalTags, allocation);
        this.faults = new FaultCounter(statsd.registry());
        this.globalRegistry = settings.getBoolean("global-registry", true)
                ? GlobalRegistryMembership.join(statsd.registry()) : GlobalRegistryMembership.NONE;
    }

    /** A builder; settings not given fall back to environment variables where the configuration table has one. */
    public static Builder builder() {
        return new Builder();
    }

    /** A new filter recording through this instance (the caller keeps closing this instance). */
    public ViewMetricsFilter filter() {
        return new ViewMetricsFilter(this);
    }

    /** The registry request metrics are recorded into. */
    public MeterRegistry registry() {
        return statsd.registry();
    }

    /** The StatsD client behind this instance: send your own metrics with the same global tags. */
    public StatsD statsd() {
        return statsd;
    }

    /**
     * Leaves Micrometer's global registry (if this instance added its registry there), then flushes and releases
     * what this instance created (its StatsD client); a registry passed in stays open.
     */
    @Override
    public void close() {
        globalRegistry.leave();
        if (ownsStatsd) {
            statsd.close();
        }
    }

    /**
     * Whether this JVM can measure allocated bytes (where it can but the measurement is disabled, samples follow
     * once it is enabled); says so once per JVM in the log when it does not measure them now.
     */
    private static boolean allocationMeasurable() {
        if (!AllocationClock.isEnabled() && ALLOCATION_UNSUPPORTED_LOGGED.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "viewmetrics: this JVM does not measure the heap bytes each thread "
                    + "allocates (com.sun.management.ThreadMXBean missing, or its allocated-memory measurement "
                    + "disabled): no view.allocated samples are recorded; set allocation=false to silence this");
        }
        return AllocationClock.isSupported();
    }

    RouteResolver newResolver(String contextPath) {
        return new RouteResolver(contextPath, declaredRoutes, guard, maxRoutes);
    }

    boolean isExcluded(RouteResolver resolver, HttpServletRequest request) {
        return !excluded.isEmpty() && resolver.matches(excluded, request);
    }

    private static RouteTemplates templates(Settings settings, String key) {
        try {
            return RouteTemplates.of(settings.getList(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("viewmetrics: setting '" + key + "': " + e.getMessage(), e);
        }
    }

    /** Builds a {@link ViewMetrics}; the keys are those of {@code web.xml} init-params. */
    public static final class Builder extends GlobalTagsBuilder<Builder> {

        private MeterRegistry registry;
        private StatsD statsd;

        private Builder() {
        }

        /** Records into {@code registry} (any Micrometer registry) instead of a StatsD agent. */
        public Builder registry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Records through an existing {@link StatsD} client (its registry and global tags). */
        public Builder statsd(StatsD statsd) {
            this.statsd = Objects.requireNonNull(statsd, "statsd");
            return this;
        }

        /** The StatsD agent's host ({@code statsd.host}); unset means the in-process registry. */
        public Builder statsdHost(String host) {
            return set("statsd.host", host);
        }

        /** The StatsD agent's port ({@code statsd.port}, 8125). */
        public Builder statsdPort(int port) {
            return set("statsd.port", Integer.toString(port));
        }

        /** {@code udp} (default), {@code tcp} or {@code uds} ({@code statsd.protocol}). */
        public Builder statsdProtocol(String protocol) {
            return set("statsd.protocol", protocol);
        }

        /** {@code datadog} (default), {@code etsy}, {@code telegraf} or {@code sysdig} ({@code statsd.flavor}). */
        public Builder statsdFlavor(String flavor) {
            return set("statsd.flavor", flavor);
        }

        /** Route templates for plain servlets, relative to the context path ({@code /users/{id}}). */
        public Builder routes(String... templates) {
            return set("routes", String.join(",", templates));
        }

        /** Distinct routes allowed before new ones are reported as {@code OTHER} (500). */
        public Builder maxRoutes(int maxRoutes) {
            return set("max-routes", Integer.toString(maxRoutes));
        }

        /** Whether requests are measured at all ({@code true}); off, every filter passes requests straight through. */
        public Builder enabled(boolean enabled) {
            return set("enabled", Boolean.toString(enabled));
        }

        /**
         * Measures CPU time on one request in {@code n}, chosen at random (1, the default: every request). The
         * {@code cpu} timer then counts only the sampled requests; its mean and percentiles stay unbiased while
         * the two CPU clock reads (a system call each) are saved on the others. Allocated bytes are still measured
         * on every request.
         */
        public Builder cpuSampleEvery(int n) {
            return set("cpu-sample-every", Integer.toString(n));
        }

        /** Whether CPU time is measured ({@code true}). */
        public Builder cpuTime(boolean cpuTime) {
            return set("cpu-time", Boolean.toString(cpuTime));
        }

        /**
         * Whether the heap bytes each request allocates are measured ({@code true}), as {@code view.allocated}.
         * Measured on every request whatever {@link #cpuSampleEvery} says: its two reads cost about 20 ns each, no
         * system call. No sample is recorded where the JVM cannot measure it (virtual threads).
         */
        public Builder allocation(boolean allocation) {
            return set("allocation", Boolean.toString(allocation));
        }

        /** Whether a {@code handler} tag ({@code OrderController#item}, reported by adapters) is added (false). */
        public Builder handlerTag(boolean handlerTag) {
            return set("handler-tag", Boolean.toString(handlerTag));
        }

        /** Paths not measured, as templates ({@code /health}, {@code /static/**}). */
        public Builder exclude(String... patterns) {
            return set("exclude", String.join(",", patterns));
        }

        /** Builds it; an invalid setting fails here with a message naming the key. */
        public ViewMetrics build() {
            return new ViewMetrics(this);
        }
    }
}
