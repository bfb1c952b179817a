package dev.viewmetrics.benchmarks;

import dev.viewmetrics.sample.SampleServer;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What viewmetrics costs a real application: the sample app's applications (the {@code web.xml} webapp at
 * {@code /plain}, the Spring MVC application at {@code /spring}, the JAX-RS application at {@code /rest}, all of them in one embedded Jetty as
 * {@code java -jar sample-app.jar} serves them) driven in-process through Jetty's {@code LocalConnector}: real HTTP
 * parsing and the whole container, servlet and framework path, without sockets. One keep-alive connection sends
 * {@code GET path HTTP/1.1} and reads the whole response, on the benchmark thread.
 *
 * <p>{@code filterOff} and {@code filterOn} are the same request; they differ only in the sample's
 * {@code VIEWMETRICS_ENABLED} ({@code false}: every application's filter passes requests straight through;
 * {@code true}: the defaults, wall time, CPU time and allocated bytes). {@code agent=statsd} sets
 * {@code STATSD_HOST}: the sample records into its in-process registry (with the p50/p95/p99 of its stats page) and
 * into StatsD, whose lines go over UDP to a {@link SilentAgent} that reads nothing; {@code agent=none} is the
 * in-process registry alone, as {@code java -jar} runs by default and {@code load.sh} measures.
 *
 * <p>Run with {@code -prof gc} (bytes per request, all threads) and {@code -prof
 * dev.viewmetrics.benchmarks.ProcessCpuProfiler} (CPU per request, all threads): their ratio on/off is the cost of
 * viewmetrics in this stack. Setup checks that {@code filterOn} writes the request's lines (route template tagged)
 * and {@code filterOff} none. JMH runs each method in JVMs of its own, whose compiled code differs from one to the
 * next; {@link FullStackCpuTimePerOp} runs both stacks in one JVM, taking turns, for a steadier ratio.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// Spring's request path takes some 100 000 requests to be compiled on a loaded machine
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class FullStackBenchmark {

    /**
     * The request's path: {@code /plain/users/42} (a servlet declared in {@code web.xml}, route from the declared
     * templates), {@code /spring/orders/42} (a Spring MVC controller, route from the Spring adapter),
     * {@code /rest/users/42} (a Jersey resource, route from the JAX-RS adapter).
     */
    @Param({"/plain/users/42", "/spring/orders/42", "/rest/users/42"})
    public String path;

    /** {@code statsd}: in-process registry and StatsD lines; {@code none}: the in-process registry alone. */
    @Param({"statsd", "none"})
    public String agent;

    private SilentAgent statsd;
    private Path statsDir;
    private SampleServer server;
    private LocalConnector.LocalEndPoint connection;
    private ByteBuffer request;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        start(params.getBenchmark().endsWith(".filterOn"));
    }

    /** Starts the sample with every filter on or off, connects, and checks one request. */
    void start(boolean on) throws Exception {
        statsDir = Files.createTempDirectory("viewmetrics-fullstack");
        Map<String, String> environment = new HashMap<>();
        environment.put("VIEWMETRICS_ENABLED", Boolean.toString(on));
        environment.put("VIEWMETRICS_STATS_DIR", statsDir.toString());
        if (agent.equals("statsd")) {
            statsd = new SilentAgent();
            environment.put("STATSD_HOST", "127.0.0.1");
            environment.put("STATSD_PORT", Integer.toString(statsd.port()));
        } else if (!agent.equals("none")) {
            throw new IllegalArgumentException("agent must be statsd or none, was " + agent);
        }
        server = SampleServer.start(SampleServer.options().connector(FullStackBenchmark::idleForever)
                .environment(environment::get));
        connection = ((LocalConnector) server.connector()).connect();
        request = ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
        check(on);
    }

    /**
     * A local connector that keeps an idle connection open: {@link FullStackCpuTimePerOp} starts its stacks one after
     * the other, and the first one's connection would otherwise be closed after Jetty's 30 s idle timeout.
     */
    private static LocalConnector idleForever(Server server) {
        LocalConnector connector = new LocalConnector(server);
        connector.setIdleTimeout(TimeUnit.HOURS.toMillis(1));
        return connector;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        server.close();
        if (statsd != null) {
            statsd.close();
        }
        try (Stream<Path> files = Files.walk(statsDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The request with every application's filter passing it straight through ({@code VIEWMETRICS_ENABLED=false}). */
    @Benchmark
    public int filterOff() throws Exception {
        return get();
    }

    /** The request measured with viewmetrics' defaults: wall time, CPU time, allocated bytes. */
    @Benchmark
    public int filterOn() throws Exception {
        return get();
    }

    /** One request and its whole response; returns the status. */
    int get() throws Exception {
        connection.addInput(request.duplicate());
        ByteBuffer response = connection.waitForResponse(false, 10, TimeUnit.SECONDS);
        return status(response);
    }

    /** The status code of a response starting {@code HTTP/1.1 200 OK}. */
    private int status(ByteBuffer response) {
        if (response == null || response.remaining() < 12) {
            throw new IllegalStateException(path + ": no complete response within 10 s ("
                    + (response == null ? "none" : response.remaining() + " bytes") + "; connection "
                    + (connection.isOpen() ? "open" : "closed") + ")");
        }
        int at = response.position() + 9;
        return (response.get(at) - '0') * 100 + (response.get(at + 1) - '0') * 10 + (response.get(at + 2) - '0');
    }

    /** Fails the trial unless the request answers 200 and writes its lines exactly when the filter is on. */
    private void check(boolean on) throws Exception {
        int status = get();
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
        if (statsd == null) {
            System.out.println("# " + path + " answers 200 (no agent: lines are not checked)");
            return;
        }
        List<String> lines = statsd.receive(on ? 3 : 1, on ? 10_000 : 1_000).stream()
                .filter(line -> line.startsWith("view.")).toList();
        String route = "route:" + templateOf(path);
        boolean measured = lines.stream().anyMatch(line -> line.startsWith("view.duration:") && line.contains(route));
        if (measured != on) {
            throw new IllegalStateException(path + " with the filter " + (on ? "on" : "off") + " wrote " + lines);
        }
        System.out.println("# " + path + " answers 200 and writes " + (on ? lines : "no view.* line"));
        statsd.drain();
    }

    private static String templateOf(String path) {
        return path.replaceAll("/\\d+$", "/{" + (path.startsWith("/spring/orders") ? "orderId" : "id") + "}");
    }
}
