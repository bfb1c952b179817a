package dev.viewmetrics.sample;

import dev.viewmetrics.core.StatsD;
import dev.viewmetrics.stats.JsonFileReporter;
import dev.viewmetrics.stats.MmapPublisher;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * The one registry all three web applications record into: an in-process registry that keeps percentiles for the
 * demo table and the stats page, plus the StatsD client's registry when {@code STATSD_HOST} is set (the agent
 * computes its own percentiles, so none are sent to it). Also what reads it without an agent: a JSON report
 * ({@code sample-{pid}.json}, every 10 s and at exit) and live memory-mapped stats ({@code sample-{pid}.vmstats})
 * in {@code VIEWMETRICS_STATS_DIR} (default: the temp dir).
 */
final class SampleMetrics implements AutoCloseable {

    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(10);

    private final StatsD statsd;
    private final SimpleMeterRegistry local;
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final JsonFileReporter reporter;
    private final MmapPublisher publisher;

    private SampleMetrics(StatsD statsd, SimpleMeterRegistry local, Path statsDir) {
        this.statsd = statsd;
        this.local = local;
        registry.add(local);
        if (statsd.hasAgent()) {
            registry.add(statsd.registry());
        }
        long pid = ProcessHandle.current().pid();
        this.reporter = JsonFileReporter.builder(local).file(statsDir.resolve("sample-" + pid + ".json"))
                .interval(REPORT_INTERVAL).service("sample").start();
        this.publisher = MmapPublisher.builder(local).directory(statsDir).service("sample").start();
    }

    static SampleMetrics create(SampleConfig config, Function<String, String> env) {
        StatsD statsd = StatsD.builder().environmentVariables(env).service(config.service())
                .environment(config.environment()).build();
        SimpleMeterRegistry local = new SimpleMeterRegistry(StatsD.CUMULATIVE, Clock.SYSTEM);
        local.config().commonTags("service", config.service(), "environment", config.environment());
        local.config().meterFilter(new RequestPercentiles());
        String dir = env.apply("VIEWMETRICS_STATS_DIR");
        Path statsDir = Path.of(dir == null || dir.isBlank() ? System.getProperty("java.io.tmpdir") : dir);
        return new SampleMetrics(statsd, local, statsDir);
    }

    /** Where the JSON report and the live stats go, e.g. for {@code slurpstats}. */
    String describeFiles() {
        return "report " + reporter.file() + ", live stats " + publisher.file();
    }

    /** What the applications record into. */
    MeterRegistry registry() {
        return registry;
    }

    /** The in-process part, for the demo table and the stats page. */
    SimpleMeterRegistry local() {
        return local;
    }

    /** Writes the last report, marks the live stats closed, and flushes what is queued for the agent. */
    @Override
    public void close() {
        reporter.close();
        publisher.close();
        registry.close();
        statsd.close();
    }

    /** p50, p95 and p99 of the request timers, kept in the in-process registry only. */
    private static final class RequestPercentiles implements MeterFilter {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() == Meter.Type.TIMER && id.getName().startsWith("view.")) {
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.95, 0.99).build().merge(config);
            }
            return config;
        }
    }
}
