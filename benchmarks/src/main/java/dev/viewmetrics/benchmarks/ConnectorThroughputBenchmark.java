package dev.viewmetrics.benchmarks;

import com.timgroup.statsd.NonBlockingStatsDClientBuilder;
import com.timgroup.statsd.StatsDClient;
import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.statsd.LineFormat;
import dev.viewmetrics.core.statsd.StatsdConnector;
import dev.viewmetrics.core.statsd.StatsdLineRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import io.micrometer.statsd.StatsdProtocol;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * StatsD lines per second from 1 and 2 recording threads, into a receiver inside this JVM that counts what arrives
 * (UDP and TCP on 127.0.0.1), for five clients:
 * <ul>
 * <li>{@code connector}: viewmetrics' {@link StatsdConnector}, offered a ready line (what Micrometer's registry
 *     hands its line sink); {@code refused} counts the lines it dropped because its queue was full;</li>
 * <li>{@code statsdLineRegistryViaConnector}: a Micrometer {@code Counter} in viewmetrics' {@link StatsdLineRegistry}
 *     whose sink is the connector (how viewmetrics ships), so formatting is included;</li>
 * <li>{@code micrometerViaConnector}: the same {@code Counter} in Micrometer's {@link StatsdMeterRegistry} whose line
 *     sink is the connector (how viewmetrics shipped before {@code StatsdLineRegistry});</li>
 * <li>{@code micrometer}: the same {@code Counter} in a {@link StatsdMeterRegistry} using Micrometer's own
 *     transport (Reactor Netty, buffered, its defaults);</li>
 * <li>{@code dogstatsd}: java-dogstatsd-client's {@code NonBlockingStatsDClient} (aggregation and telemetry off, so
 *     that one call is one line); it has no TCP transport for plain StatsD, so it runs over UDP only.</li>
 * </ul>
 * The score is lines <em>offered</em> per second (calls that returned). At the end of each trial the client is
 * closed (which flushes), the receiver is given time to drain, and a {@code # lines} summary prints what was
 * offered, refused, received and lost over the whole trial, warm-up included.
 *
 * <p>The load is open loop (every thread offers as fast as it can), far beyond what any sender drains: a bounded
 * client refuses most lines, and one that buffers without bound runs out of memory (Micrometer's registry from two
 * threads, in Reactor's {@code SerializedFluxSink}); its fork then ends with exit code 3.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// a client that buffers without bound (Micrometer's registry from 2 threads) ends its fork at once instead of
// wedging it in garbage collection: JMH reports the failure and goes on with the next benchmark
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+ExitOnOutOfMemoryError"})
public class ConnectorThroughputBenchmark {

    /** A typical request line (the metric contract's Datadog example). */
    static final String LINE =
            "view.duration:12.5|ms|#route:/users/{id},method:GET,status:200,outcome:SUCCESS,exception:none";
    static final String NAME = "view.requests";
    static final String[] TAGS = {"route", "/users/{id}", "method", "GET", "status", "200", "outcome", "SUCCESS",
        "exception", "none"};
    static final String[] DOGSTATSD_TAGS = {"route:/users/{id}", "method:GET", "status:200", "outcome:SUCCESS",
        "exception:none"};

    // ---- viewmetrics' connector, offered ready lines --------------------------------------------------------

    @Benchmark
    @Threads(1)
    public void connector1Thread(ConnectorClient client, Offered offered) {
        offered.offer(client.connector.offer(LINE));
    }

    @Benchmark
    @Threads(2)
    public void connector2Threads(ConnectorClient client, Offered offered) {
        offered.offer(client.connector.offer(LINE));
    }

    // ---- a counter in viewmetrics' StatsD registry, which writes into the connector ---------------------------

    @Benchmark
    @Threads(1)
    public void statsdLineRegistryViaConnector1Thread(LineRegistryViaConnectorClient client, Offered offered) {
        client.counter.increment();
        offered.offer(true);
    }

    @Benchmark
    @Threads(2)
    public void statsdLineRegistryViaConnector2Threads(LineRegistryViaConnectorClient client, Offered offered) {
        client.counter.increment();
        offered.offer(true);
    }

    // ---- a Micrometer counter whose StatsD registry sends through the connector -----------------------------

    @Benchmark
    @Threads(1)
    public void micrometerViaConnector1Thread(MicrometerViaConnectorClient client, Offered offered) {
        client.counter.increment();
        offered.offer(true);
    }

    @Benchmark
    @Threads(2)
    public void micrometerViaConnector2Threads(MicrometerViaConnectorClient client, Offered offered) {
        client.counter.increment();
        offered.offer(true);
    }

    // ---- the same counter with Micrometer's built-in transport ----------------------------------------------

    @Benchmark
    @Threads(1)
    public void micrometer1Thread(MicrometerClient client, Offered offered) {
        client.counter.increment();
        offered.offer(true);
    }

    @Benchmark
    @Threads(2)
    public void micrometer2Threads(MicrometerClient client, Offered offered) {
        client.counter.increment();
        offered.offer(true);
    }

    // ---- java-dogstatsd-client (UDP only) -------------------------------------------------------------------

    @Benchmark
    @Threads(1)
    public void dogstatsd1Thread(DogStatsdClient client, Offered offered) {
        client.client.count(NAME, 1L, DOGSTATSD_TAGS);
        offered.offer(true);
    }

    @Benchmark
    @Threads(2)
    public void dogstatsd2Threads(DogStatsdClient client, Offered offered) {
        client.client.count(NAME, 1L, DOGSTATSD_TAGS);
        offered.offer(true);
    }

    // ---- bookkeeping ----------------------------------------------------------------------------------------

    /**
     * Lines one benchmark thread offered: {@code refused} per iteration (JMH reports it as a rate next to the score,
     * and resets it), the totals over the whole trial, warm-up included, for the loss summary. JMH lets every thread
     * finish its last iteration (a barrier) before the trial's tear-down reads the totals.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Offered {
        /** Every thread's counters of the running trial. */
        static final Queue<Offered> TRIAL = new ConcurrentLinkedQueue<>();

        /** Lines the client dropped at once (viewmetrics' connector: queue full), per second. */
        public long refused;
        long totalOffered;
        long totalRefused;

        void offer(boolean accepted) {
            totalOffered++;
            if (!accepted) {
                refused++;
                totalRefused++;
            }
        }

        @Setup(Level.Trial)
        public void register() {
            TRIAL.add(this);
        }
    }

    /** A client and the receiver it sends to; prints the trial's line accounting when it ends. */
    public abstract static class Client {
        LineReceiver receiver;
        String label;

        long startedAt;

        void startReceiver(String protocol, String name) throws Exception {
            receiver = LineReceiver.start(protocol);
            label = name + " over " + protocol;
        }

        /** Marks the start of the trial: the received rate is counted from here to the last line received. */
        void started() {
            startedAt = System.nanoTime();
        }

        /** Closes the client, flushing what it holds. */
        abstract void closeClient() throws Exception;

        /** What the client itself reports about its lines, if anything. */
        String clientReport() {
            return "";
        }

        @TearDown(Level.Trial)
        public void report() throws Exception {
            closeClient();
            long received = receiver.awaitQuiet(1_000, 15_000);
            double seconds = (receiver.lastLineAt - startedAt) / 1e9;
            long offered = 0;
            long refused = 0;
            for (Offered thread; (thread = Offered.TRIAL.poll()) != null; ) {
                offered += thread.totalOffered;
                refused += thread.totalRefused;
            }
            long lost = offered - received;
            System.out.printf(Locale.ROOT, "%n# lines %s: offered %d, refused by the client %d, received %d, lost %d"
                    + " (%.3f%%); received %.0f lines/s over %.1f s%s; receiver %s%n", label, offered, refused,
                    received, lost, offered == 0 ? 0.0 : 100.0 * lost / offered, received / seconds, seconds,
                    clientReport(), receiver);
            receiver.close();
        }
    }

    /** viewmetrics' connector with its defaults (queue of 10 000 lines). */
    @State(Scope.Benchmark)
    public static class ConnectorClient extends Client {
        @Param({"udp", "tcp"})
        public String protocol;
        StatsdConnector connector;

        @Setup(Level.Trial)
        public void start() throws Exception {
            startReceiver(protocol, "connector");
            connector = startConnector(protocol, receiver.port());
            started();
        }

        @Override
        void closeClient() {
            connector.close();
        }

        @Override
        String clientReport() {
            return connectorReport(connector);
        }
    }

    /** A counter in viewmetrics' StatsD registry whose sink is the connector, as {@code StatsD} builds it. */
    @State(Scope.Benchmark)
    public static class LineRegistryViaConnectorClient extends Client {
        @Param({"udp", "tcp"})
        public String protocol;
        StatsdConnector connector;
        StatsdLineRegistry registry;
        Counter counter;

        @Setup(Level.Trial)
        public void start() throws Exception {
            startReceiver(protocol, "statsdLineRegistryViaConnector");
            connector = startConnector(protocol, receiver.port());
            LineFormat format = LineFormat.of(dev.viewmetrics.core.statsd.StatsdFlavor.DATADOG, null, "view", Map.of());
            registry = new StatsdLineRegistry(format, connector, Duration.ofSeconds(10)).start();
            counter = Counter.builder(NAME).tags(TAGS).register(registry);
            started();
        }

        @Override
        void closeClient() {
            registry.close();
            connector.close();
        }

        @Override
        String clientReport() {
            return connectorReport(connector);
        }
    }

    /** A Micrometer counter in Micrometer's StatsD registry whose line sink is viewmetrics' connector. */
    @State(Scope.Benchmark)
    public static class MicrometerViaConnectorClient extends Client {
        @Param({"udp", "tcp"})
        public String protocol;
        StatsdConnector connector;
        StatsdMeterRegistry registry;
        Counter counter;

        @Setup(Level.Trial)
        public void start() throws Exception {
            startReceiver(protocol, "micrometerViaConnector");
            connector = startConnector(protocol, receiver.port());
            registry = StatsdMeterRegistry.builder(new Config(protocol, receiver.port())).lineSink(connector).build();
            counter = Counter.builder(NAME).tags(TAGS).register(registry);
            started();
        }

        @Override
        void closeClient() {
            registry.close();
            connector.close();
        }

        @Override
        String clientReport() {
            return connectorReport(connector);
        }
    }

    /** A Micrometer counter in a StatsD registry with Micrometer's own transport, as configured by default. */
    @State(Scope.Benchmark)
    public static class MicrometerClient extends Client {
        @Param({"udp", "tcp"})
        public String protocol;
        StatsdMeterRegistry registry;
        Counter counter;

        @Setup(Level.Trial)
        public void start() throws Exception {
            startReceiver(protocol, "micrometer");
            registry = StatsdMeterRegistry.builder(new Config(protocol, receiver.port())).build();
            counter = Counter.builder(NAME).tags(TAGS).register(registry);
            awaitConnection(receiver);
            started();
        }

        @Override
        void closeClient() {
            registry.close();
        }
    }

    /** java-dogstatsd-client over UDP (it has no TCP transport for plain StatsD). */
    @State(Scope.Benchmark)
    public static class DogStatsdClient extends Client {
        StatsDClient client;

        @Setup(Level.Trial)
        public void start() throws Exception {
            startReceiver("udp", "dogstatsd");
            client = new NonBlockingStatsDClientBuilder()
                    .hostname("127.0.0.1")
                    .port(receiver.port())
                    .enableAggregation(false)
                    .enableTelemetry(false)
                    .originDetectionEnabled(false)
                    .build();
            started();
        }

        @Override
        void closeClient() {
            client.close();
        }
    }

    static StatsdConnector startConnector(String protocol, int port) {
        return new StatsdConnector(ConnectorSettings.builder("127.0.0.1").port(port)
                .protocol(ConnectorSettings.Protocol.valueOf(protocol.toUpperCase(Locale.ROOT))).build()).start();
    }

    static String connectorReport(StatsdConnector connector) {
        return String.format(Locale.ROOT, " [connector: sent %d, dropped queue_full %d, send_error %d, closed %d]",
                connector.sent(), connector.dropped("queue_full"), connector.dropped("send_error"),
                connector.dropped("closed"));
    }

    /** Micrometer's transport connects in the background: wait for a TCP connection before measuring. */
    static void awaitConnection(LineReceiver receiver) throws InterruptedException {
        if (receiver instanceof LineReceiver.Tcp) {
            LineReceiver.Tcp tcp = (LineReceiver.Tcp) receiver;
            long deadline = System.currentTimeMillis() + 5_000;
            while (tcp.accepted.get() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        } else {
            Thread.sleep(500);
        }
    }

    /** Micrometer's StatsD settings: Datadog flavor, the given agent, everything else at Micrometer's defaults. */
    static final class Config implements StatsdConfig {
        private final String protocol;
        private final int port;

        Config(String protocol, int port) {
            this.protocol = protocol;
            this.port = port;
        }

        @Override
        public String get(String key) {
            return null;
        }

        @Override
        public StatsdFlavor flavor() {
            return StatsdFlavor.DATADOG;
        }

        @Override
        public String host() {
            return "127.0.0.1";
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public StatsdProtocol protocol() {
            return "tcp".equals(protocol) ? StatsdProtocol.TCP : StatsdProtocol.UDP;
        }
    }
}
