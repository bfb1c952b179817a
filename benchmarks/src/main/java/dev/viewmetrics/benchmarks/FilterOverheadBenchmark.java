package dev.viewmetrics.benchmarks;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.ViewMetricsFilter;
import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.statsd.LineFormat;
import dev.viewmetrics.core.statsd.StatsdConnector;
import dev.viewmetrics.core.statsd.StatsdLineRegistry;
import io.dropwizard.metrics.servlet.InstrumentedFilter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import com.codahale.metrics.MetricRegistry;
import net.bull.javamelody.MonitoringFilter;
import net.bull.javamelody.internal.model.Collector;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What one request costs each servlet instrumentation: {@code GET /users/42} through a chain of one filter and a
 * servlet that answers 200 and exposes the route {@code /users/{id}} as Spring MVC's handler mapping would.
 * {@code baseline} is the servlet alone; every other benchmark adds one filter, so its difference to
 * {@code baseline} is that filter's cost per request. Run with {@code -prof gc} for bytes per request.
 *
 * <p>Each StatsD registry formats its lines the way it ships: viewmetrics' is its own {@link StatsdLineRegistry} with
 * its {@link LineFormat} (Datadog flavor) writing into a started {@link StatsdConnector}, exactly as {@code StatsD}
 * builds it for an agent, whose sender thread sends them over UDP to a {@link SilentAgent} on 127.0.0.1 that reads
 * nothing; Spring's is Micrometer's {@link StatsdMeterRegistry} (Datadog flavor, unbuffered) with its built-in line
 * builder, writing into a no-op line sink (its own transport would add Reactor Netty).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FilterOverheadBenchmark {

    static final String URI = "/users/42";
    static final String ROUTE = "/users/{id}";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOCATIONS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final BenchServletContext servletContext = new BenchServletContext();
    private final BenchRequest request = new BenchRequest("GET", URI, servletContext.context());
    private final BenchResponse response = new BenchResponse();
    private final RouteServlet servlet = new RouteServlet(ROUTE);
    private final LineSink sink = new LineSink();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private SilentAgent agent;
    private StatsdConnector connector;

    private Filter viewmetrics;
    private Filter viewmetricsNoCpu;
    private Filter viewmetricsAllocationNoCpu;
    private DistributionSummary allocatedSummary;
    private long allocatedSample = 4096;
    private Filter springObservation;
    private Filter dropwizard;
    private Filter javamelody;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        agent = new SilentAgent();
        // 64 KiB datagrams on loopback: the sender keeps up with one thread recording as fast as it can
        connector = new StatsdConnector(ConnectorSettings.builder("127.0.0.1").port(agent.port())
                .protocol(ConnectorSettings.Protocol.UDP).maxPacketSize(65_507).build()).start();
        viewmetrics = viewmetricsFilter("viewmetrics", true, true);
        viewmetricsNoCpu = viewmetricsFilter("viewmetricsNoCpu", false, false);
        viewmetricsAllocationNoCpu = viewmetricsFilter("viewmetricsAllocationNoCpu", false, true);
        StatsdLineRegistry summaryRegistry = new StatsdLineRegistry(datadog(), connector, Duration.ofSeconds(10));
        closeables.add(summaryRegistry::close);
        allocatedSummary = DistributionSummary.builder("view.allocated").baseUnit("bytes")
                .tags("route", ROUTE, "method", "GET", "status", "200", "outcome", "SUCCESS", "exception", "none")
                .register(summaryRegistry);

        StatsdMeterRegistry springRegistry = StatsdMeterRegistry.builder(STATSD_CONFIG).lineSink(sink).build();
        closeables.add(springRegistry::close);
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(springRegistry));
        springObservation = init(new ServerHttpObservationFilter(observations), "springObservation");

        MetricRegistry dropwizardRegistry = new MetricRegistry();
        servletContext.context().setAttribute(InstrumentedFilter.REGISTRY_ATTRIBUTE, dropwizardRegistry);
        dropwizard = init(new InstrumentedFilter(), "dropwizard");
        javamelody = javamelodyFilter();

        String route = "|#route:" + ROUTE + ",";
        checkAgent("viewmetrics", viewmetrics, 3, "view.allocated:", route);
        checkAgent("viewmetricsNoCpu", viewmetricsNoCpu, 1, "view.duration:", route);
        checkAgent("viewmetricsAllocationNoCpu", viewmetricsAllocationNoCpu, 2, "view.allocated:", route);
        check("springObservation", springObservation, 1, "uri:" + ROUTE);
        run(dropwizard);
        long timed = dropwizardRegistry.getTimers().values().iterator().next().getCount();
        if (timed != 1) {
            throw new IllegalStateException("dropwizard: expected 1 timed request, got " + timed);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        connector.close();
        agent.close();
        System.out.println("# connector: sent " + connector.sent() + ", dropped queue_full "
                + connector.dropped("queue_full") + ", send_error " + connector.dropped("send_error") + ", closed "
                + connector.dropped("closed"));
    }

    /** The servlet alone: what every filter's cost is measured against. */
    @Benchmark
    public int baseline() throws IOException, ServletException {
        request.reset();
        response.reset();
        servlet.doFilter(request, response);
        return response.getStatus();
    }

    /**
     * viewmetrics' filter with its defaults: wall time, CPU time and allocated bytes, {@code view.duration},
     * {@code view.cpu} and {@code view.allocated}.
     */
    @Benchmark
    public int viewmetrics() throws IOException, ServletException {
        return run(viewmetrics);
    }

    /** viewmetrics' filter with {@code cpu-time=false} and {@code allocation=false}: wall time only. */
    @Benchmark
    public int viewmetricsNoCpu() throws IOException, ServletException {
        return run(viewmetricsNoCpu);
    }

    /**
     * viewmetrics' filter with {@code cpu-time=false}: wall time and allocated bytes; its difference to
     * {@code viewmetricsNoCpu} is what the allocation meter costs.
     */
    @Benchmark
    public int viewmetricsAllocationNoCpu() throws IOException, ServletException {
        return run(viewmetricsAllocationNoCpu);
    }

    /** Spring's {@code ServerHttpObservationFilter} with Micrometer's {@code DefaultMeterObservationHandler}. */
    @Benchmark
    public int springObservation() throws IOException, ServletException {
        return run(springObservation);
    }

    /** Dropwizard Metrics' {@code InstrumentedFilter} (jakarta), recording into its in-memory registry. */
    @Benchmark
    public int dropwizard() throws IOException, ServletException {
        return run(dropwizard);
    }

    /**
     * JavaMelody's {@code MonitoringFilter} (jakarta) as configured by default, which reads CPU time and allocated
     * bytes per request too, recording into its in-memory counters (no collector thread writes to disk while
     * measuring: the first collection is a minute away).
     */
    @Benchmark
    public int javamelody() throws IOException, ServletException {
        return run(javamelody);
    }

    /** Two reads of the current thread's CPU clock and nothing else: the floor of measuring CPU time. */
    @Benchmark
    public long cpuClock() {
        long start = THREADS.getCurrentThreadCpuTime();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    /**
     * {@code baseline}'s request between two reads of the CPU clock, no filter: the floor of measuring a request's
     * CPU time where it is measured. A read costs more between other work than back to back ({@code cpuClock}).
     */
    @Benchmark
    public long cpuClockAroundRequest() throws IOException, ServletException {
        request.reset();
        response.reset();
        long start = THREADS.getCurrentThreadCpuTime();
        servlet.doFilter(request, response);
        return THREADS.getCurrentThreadCpuTime() - start + response.getStatus();
    }

    /** Two reads of the current thread's allocated bytes and nothing else: the floor of measuring allocation. */
    @Benchmark
    public long allocationClock() {
        long start = ALLOCATIONS.getCurrentThreadAllocatedBytes();
        return ALLOCATIONS.getCurrentThreadAllocatedBytes() - start;
    }

    /** One sample recorded into a {@code view.allocated} summary of the same kind of registry: one line written. */
    @Benchmark
    public double allocatedRecording() {
        allocatedSummary.record(allocatedSample++ & 0xFFFF);
        return allocatedSummary.totalAmount();
    }

    private int run(Filter filter) throws IOException, ServletException {
        request.reset();
        response.reset();
        filter.doFilter(request, response, servlet);
        return response.getStatus();
    }

    private Filter viewmetricsFilter(String name, boolean cpuTime, boolean allocation) throws ServletException {
        // what StatsD.Builder builds for an agent, with the no-op sink in place of the connector (not started: the
        // poller would only send the view.active gauge every 10 s from its own thread)
        StatsdLineRegistry registry = new StatsdLineRegistry(datadog(), connector, Duration.ofSeconds(10));
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).cpuTime(cpuTime).allocation(allocation)
                .build();
        closeables.add(registry::close);
        closeables.add(metrics);
        return init(metrics.filter(), name);
    }

    /**
     * JavaMelody's filter with its defaults, its files in a temporary directory, no database and no update check
     * (which would call out to the network); checked to have counted the request.
     */
    private Filter javamelodyFilter() throws Exception {
        Path storage = Files.createTempDirectory("javamelody");
        closeables.add(() -> deleteRecursively(storage));
        Map<String, String> parameters = Map.of("storage-directory", storage.toString(), "no-database", "true",
                "update-check-disabled", "true", "log", "false");
        MonitoringFilter filter = new MonitoringFilter();
        filter.init(servletContext.filterConfig("javamelody", parameters));
        closeables.add(filter::destroy);
        run(filter);
        // JavaMelody keeps its collector package-private: reach it by reflection
        Method contextOf = MonitoringFilter.class.getDeclaredMethod("getFilterContext");
        contextOf.setAccessible(true);
        Object context = contextOf.invoke(filter);
        Method collectorOf = context.getClass().getDeclaredMethod("getCollector");
        collectorOf.setAccessible(true);
        long counted = ((Collector) collectorOf.invoke(context)).getCounterByName("http").getRequestsCount();
        if (counted != 1) {
            throw new IllegalStateException("javamelody: expected 1 request counted, got " + counted);
        }
        return filter;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static LineFormat datadog() {
        return LineFormat.of(dev.viewmetrics.core.statsd.StatsdFlavor.DATADOG, null, ViewMetrics.DEFAULT_BASE_NAME, Map.of());
    }

    private Filter init(Filter filter, String name) throws ServletException {
        filter.init(servletContext.filterConfig(name));
        closeables.add(filter::destroy);
        return filter;
    }

    /**
     * Fails the trial unless one request through {@code filter} produces {@code lines} lines in the no-op sink, the
     * last one containing every {@code expected}.
     */
    private void check(String name, Filter filter, int lines, String... expected) throws Exception {
        long before = sink.lines;
        run(filter);
        verify(name, lines, (int) (sink.lines - before), sink.last, expected);
    }

    /** {@link #check} for a viewmetrics filter: the lines are those the agent receives. */
    private void checkAgent(String name, Filter filter, int lines, String... expected) throws Exception {
        agent.drain();
        run(filter);
        List<String> received = agent.receive(lines, 10_000);
        received.addAll(agent.receive(1, 200)); // nothing more
        verify(name, lines, received.size(), received.isEmpty() ? null : received.get(received.size() - 1), expected);
    }

    private static void verify(String name, int lines, int produced, String last, String... expected) {
        if (produced != lines || last == null || !Arrays.stream(expected).allMatch(last::contains)) {
            throw new IllegalStateException(name + ": expected " + lines + " line(s), the last containing "
                    + String.join(" and ", expected) + ", per request; got " + produced + ", last: " + last);
        }
        System.out.println("# " + name + " writes " + produced + " line(s) per request, e.g. " + last);
    }

    /** Spring's no-op line sink: it only keeps the last line, so none is optimised away. */
    static final class LineSink implements Consumer<String> {
        String last;
        long lines;

        @Override
        public void accept(String line) {
            last = line;
            lines++;
        }
    }

    /** Micrometer's StatsD settings of Spring's registry: Datadog flavor, one line per record, nothing sent. */
    static final StatsdConfig STATSD_CONFIG = new StatsdConfig() {
        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public StatsdFlavor flavor() {
            return StatsdFlavor.DATADOG;
        }

        @Override
        public boolean buffered() {
            return false;
        }
    };
}
