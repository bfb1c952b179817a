package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code view.allocated}: the heap bytes a request allocates while in the filter, in a real Jetty configured by
 * init-params, sent as real StatsD lines over UDP.
 */
class AllocationTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern DATADOG_VALUE = Pattern.compile("^view\\.allocated:([0-9]+)\\|h\\|#");

    @AutoClose
    private final UdpReceiver agent;
    @AutoClose
    private TestServer server;

    AllocationTest() throws SocketException {
        agent = new UdpReceiver();
    }

    /** A web.xml-style filter sending {@code flavor} lines to the agent, with the global tags of the contract. */
    private TestServer.Builder app(String flavor) {
        return TestServer.builder("").initParam("statsd.host", "127.0.0.1")
                .initParam("statsd.port", Integer.toString(agent.port())).initParam("statsd.flavor", flavor)
                .initParam("service", "shop").initParam("environment", "prod");
    }

    @Test
    void aRequestThatAllocates8MiBReports8MiB() throws Exception {
        server = app("datadog").initParam("routes", "/alloc/{kib}").servlet("/alloc/*", Servlets.allocating()).start();

        assertThat(server.get("/alloc/8192").statusCode()).isEqualTo(200);

        String line = agent.await(l -> l.startsWith("view.allocated:"), WAIT);
        assertThat(line).matches("view\\.allocated:[0-9]+\\|h\\|#route:/alloc/\\{kib},method:GET,status:200,"
                + "outcome:SUCCESS,exception:none,service:shop,environment:prod");
        assertThat(bytes(line)).isCloseTo(8 * MIB, within(8 * MIB / 10));
    }

    @Test
    void aTrivialRequestReportsLittle() throws Exception {
        server = app("datadog").servlet("/hello", Servlets.status(200)).start();

        for (int i = 0; i < 3; i++) {
            server.get("/hello");
        }
        List<String> lines = server.linesBeforeEndMarker(agent).stream()
                .filter(l -> l.startsWith("view.allocated:") && l.contains("route:/hello,")).toList();
        assertThat(lines).hasSize(3);
        assertThat(bytes(lines.get(2))).as("the third request, classes loaded").isLessThan(256 * 1024);
    }

    @Test
    void anAsyncRequestSumsItsDispatchesAndNotWhatOtherThreadsAllocate() throws Exception {
        server = app("datadog").servlet("/report", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if (req.getAttribute("rendered") == null) {
                    Object first = Servlets.allocate(4096);
                    req.setAttribute("rendered", first);
                    AsyncContext async = req.startAsync();
                    CompletableFuture.runAsync(() -> {
                        req.setAttribute("elsewhere", Servlets.allocate(16384)); // not on a request thread
                        async.dispatch();
                    });
                } else {
                    Object second = Servlets.allocate(4096);
                    resp.getWriter().write("done " + Servlets.size(second));
                }
            }
        }).start();

        assertThat(server.get("/report").body()).isEqualTo("done 4194304");

        long allocated = bytes(agent.await(l -> l.startsWith("view.allocated:"), WAIT));
        assertThat(allocated).as("two dispatches of 4 MiB each").isCloseTo(8 * MIB, within(8 * MIB / 10));
        assertThat(server.linesBeforeEndMarker(agent)).filteredOn(l -> l.startsWith("view.allocated:")
                && l.contains("route:/report,")).hasSize(1);
    }

    @Test
    void allocationFalseSendsNoAllocatedLine() throws Exception {
        server = app("datadog").initParam("allocation", "false").initParam("routes", "/alloc/{kib}")
                .servlet("/alloc/*", Servlets.allocating()).start();

        server.get("/alloc/1024");

        List<String> lines = server.linesBeforeEndMarker(agent);
        assertThat(lines).anyMatch(l -> l.startsWith("view.duration:") && l.contains("route:/alloc/{kib},"));
        assertThat(lines).noneMatch(l -> l.contains("allocated"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "datadog; view\\.allocated:[0-9]+\\|h\\|#route:/alloc/\\{kib},method:GET,status:200,outcome:SUCCESS,"
                + "exception:none,service:shop,environment:prod",
        "etsy; shop\\.prod\\.view\\.alloc\\._kib_\\.GET\\.200\\.allocated:[0-9]+\\|ms",
        "telegraf; view\\.allocated,route=/alloc/\\{kib},method=GET,status=200,outcome=SUCCESS,exception=none,"
                + "service=shop,environment=prod:[0-9]+\\|h",
        "sysdig; view\\.allocated#route=/alloc/\\{kib},method=GET,status=200,outcome=SUCCESS,exception=none,"
                + "service=shop,environment=prod:[0-9]+\\|h"})
    void everyFlavorWritesItsDistributionLine(String flavor, String shape) throws Exception {
        server = app(flavor).initParam("routes", "/alloc/{kib}").servlet("/alloc/*", Servlets.allocating()).start();

        server.get("/alloc/64");

        agent.await(line -> line.matches(shape), WAIT);
    }

    @Test
    void aTimingStatsBlockRecordsWhatItAllocatedBesideTheRequest() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).routes("/feed/{user}")
                .environmentVariables(key -> null).build();
        server = TestServer.builder("").filter(metrics.filter()).servlet("/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                Object kept;
                try (TimingStats block = TimingStats.start("feed.render")) {
                    kept = Servlets.allocate(2048);
                }
                resp.getWriter().write("rendered " + Servlets.size(kept));
            }
        }).start();

        server.get("/feed/alice");

        DistributionSummary block = registry.get("feed.render.allocated").tag("route", "/feed/{user}").summary();
        DistributionSummary request = registry.get("view.allocated").tag("route", "/feed/{user}").summary();
        assertThat(block.getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(request.getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(block.count()).isEqualTo(1);
        assertThat(block.totalAmount()).isCloseTo(2.0 * MIB, within(0.2 * MIB));
        assertThat(request.totalAmount()).isGreaterThanOrEqualTo(block.totalAmount());
    }

    @Test
    void aTimingStatsBlockOutsideARequestRecordsItsAllocationInTheGlobalRegistry() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            TimingStats.time("nightly.import", () -> Servlets.allocate(1024));
        } finally {
            Metrics.removeRegistry(registry);
        }

        DistributionSummary allocated = registry.get("nightly.import.allocated").summary();
        assertThat(allocated.count()).isEqualTo(1);
        assertThat(allocated.totalAmount()).isCloseTo(1.0 * MIB, within(0.1 * MIB));
    }

    @Test
    void withAllocationMeasurementDisabledInTheJvmNoSampleIsRecordedAndTheLogSaysSo() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Logger log = Logger.getLogger("dev.viewmetrics");
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        threads.setThreadAllocatedMemoryEnabled(false);
        try {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ViewMetrics metrics = ViewMetrics.builder().registry(registry).routes("/alloc/{kib}")
                    .environmentVariables(key -> null).build();
            server = TestServer.builder("").filter(metrics.filter()).servlet("/*", Servlets.allocating()).start();

            server.get("/alloc/1024");

            assertThat(registry.get("view.duration").timer().count()).isEqualTo(1);
            assertThat(registry.get("view.allocated").summary().count()).as("no sample, never a wrong one").isZero();
            assertThat(logged).anyMatch(message -> message.contains("does not measure the heap bytes"));
        } finally {
            threads.setThreadAllocatedMemoryEnabled(true);
            log.removeHandler(capture);
        }
    }

    static long bytes(String line) {
        Matcher matcher = DATADOG_VALUE.matcher(line);
        assertThat(matcher.find()).as("allocated bytes in %s", line).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
