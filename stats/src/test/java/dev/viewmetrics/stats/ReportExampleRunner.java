package dev.viewmetrics.stats;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs one README example whose builders read environment variables, as a reader's program would, in a JVM of its
 * own that the test started with none ({@code ChildJvm}); what the test checks is printed on standard output.
 */
public final class ReportExampleRunner {

    private ReportExampleRunner() {
    }

    /**
     * {@code percentiles}: one request through the example's metrics, then the stats page's JSON;
     * {@code reporters LOG_DIR}: both reporters once over a counter, then this JVM's pid.
     */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "percentiles" -> {
                ViewMetrics metrics = percentilesExample();
                try (TestServer server = TestServer.builder("").filter(metrics.filter())
                        .servlet("/users/*", Servlets.status(200))
                        .servlet("/stats", new StatsServlet(metrics.registry())).start()) {
                    server.get("/users/42");
                    System.out.println(server.get("/stats?format=json&query=route:/users/*").body());
                } finally {
                    metrics.close();
                }
            }
            case "reporters" -> {
                ViewMetrics metrics = ViewMetrics.builder().registry(new SimpleMeterRegistry()).build();
                metrics.statsd().increment("orders.placed");
                reportersExample(metrics, Path.of(args[1]));
                System.out.println(ProcessHandle.current().pid());
            }
            default -> throw new IllegalArgumentException("no README example " + args[0]);
        }
    }

    private static ViewMetrics percentilesExample() {
        // readme-example: stats-percentiles
        MeterRegistry registry = new SimpleMeterRegistry(); // or your Prometheus, OTLP, ... registry
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().startsWith("view.")
                        ? DistributionStatisticConfig.builder().percentiles(0.5, 0.95, 0.99).build().merge(config)
                        : config;
            }
        });
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).build();
        // end readme-example
        return metrics;
    }

    private static void reportersExample(ViewMetrics metrics, Path logDir) {
        // readme-example: reporters
        JsonFileReporter reporter = JsonFileReporter.builder(metrics.registry())
                .file(logDir.resolve("metrics.json")).interval(Duration.ofSeconds(30)).start();
        MmapPublisher publisher = MmapPublisher.builder(metrics.registry()).service("shop").start();
        // ... at shutdown: each writes its last values
        reporter.close();
        publisher.close();
        // end readme-example
    }
}
