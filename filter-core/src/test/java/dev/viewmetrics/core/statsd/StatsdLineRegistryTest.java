package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import dev.viewmetrics.core.testing.StreamLineServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static dev.viewmetrics.core.statsd.ConnectorTestSupport.loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * viewmetrics' own StatsD registry, against real sockets through a real {@link StatsdConnector}: the exact lines of
 * every meter type per flavor, polling, concurrency without a shared queue, and faults that never reach the caller.
 */
@Timeout(60)
class StatsdLineRegistryTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** A poll interval no test waits for: polled meters are sent only by close(). */
    private static final Duration NEVER = Duration.ofHours(1);

    // what the polled meters read: fields, so that the registry's weak references to them hold until close()
    private final AtomicInteger depth = new AtomicInteger();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong loads = new AtomicLong();

    @Test
    void everyMeterTypeWritesItsDatadogLines() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                StatsdConnector connector = new StatsdConnector(
                        loopback(Protocol.TCP, agent.port()).build()).start()) {
            StatsdLineRegistry registry = new StatsdLineRegistry(format(StatsdFlavor.DATADOG), connector, NEVER,
                    new MockClock()).start();
            recordOneOfEach(registry);
            closeInOrder(registry, connector);
            agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read

            assertThat(agent.lines()).containsExactlyInAnyOrder(
                    "orders.placed:3|c|#country:IS",
                    "orders.placed:2|c|#country:IS",
                    "checkout:250|ms|#step:pay",
                    "checkout:12.5|ms|#step:pay",
                    "basket.size:7|h",
                    "queue.depth:12|g|#queue:mail",
                    "cache.misses:5|c",
                    "cache.loads:4|c",
                    "cache.loads:1000|c|#statistic:total",
                    "report.render:1|g|#statistic:active",
                    "report.render:1500|g|#statistic:duration",
                    "report.render:1500|g|#statistic:max",
                    "pool:3|g",
                    "pool:7|g|#statistic:total");
        }
    }

    @Test
    void everyMeterTypeWritesItsEtsyLines() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                StatsdConnector connector = new StatsdConnector(
                        loopback(Protocol.TCP, agent.port()).build()).start()) {
            StatsdLineRegistry registry = new StatsdLineRegistry(format(StatsdFlavor.ETSY), connector, NEVER,
                    new MockClock()).start();
            recordOneOfEach(registry);
            closeInOrder(registry, connector);
            agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read

            assertThat(agent.lines()).containsExactlyInAnyOrder(
                    "orders.placed.IS:3|c",
                    "orders.placed.IS:2|c",
                    "checkout.pay:250|ms",
                    "checkout.pay:12.5|ms",
                    "basket.size:7|ms", // etsy statsd keeps percentiles of timers only
                    "queue.depth.mail:12|g",
                    "cache.misses:5|c",
                    "cache.loads:4|c",
                    "cache.loads.total:1000|c",
                    "report.render.active:1|g",
                    "report.render.duration:1500|g",
                    "report.render.max:1500|g",
                    "pool:3|g",
                    "pool.total:7|g");
        }
    }

    /**
     * Telegraf and Sysdig carry the tags in the name, before the value: the lines a request's meters write into the
     * connector's ring are byte for byte those of the flavor's text form.
     */
    @Test
    void telegrafAndSysdigRequestLinesThroughTheConnectorAreTheirTextLines() throws Exception {
        for (StatsdFlavor flavor : List.of(StatsdFlavor.TELEGRAF, StatsdFlavor.SYSDIG)) {
            try (StreamLineServer agent = StreamLineServer.tcp();
                    StatsdConnector connector = new StatsdConnector(
                            loopback(Protocol.TCP, agent.port()).build()).start()) {
                StatsdLineRegistry registry = new StatsdLineRegistry(format(flavor), connector, NEVER).start();
                Timer duration = Timer.builder("view.duration").tags("route", "/users/{id}", "method", "GET")
                        .register(registry);
                DistributionSummary allocated = DistributionSummary.builder("view.allocated")
                        .tags("route", "/users/{id}", "method", "GET").register(registry);
                duration.record(12_345_600, TimeUnit.NANOSECONDS);
                allocated.record(4096);
                agent.awaitLines(2, WAIT);
                closeInOrder(registry, connector);

                char tags = flavor == StatsdFlavor.TELEGRAF ? ',' : '#';
                assertThat(agent.lines()).as(flavor.name()).containsExactly(
                        "view.duration" + tags + "route=/users/{id},method=GET:12.3456|ms",
                        "view.allocated" + tags + "route=/users/{id},method=GET:4096|h");
            }
        }
    }

    /**
     * One of each meter type: lines of counters, timers and summaries go out as they are recorded; gauges, function
     * meters, long task timers and custom meters once, at close (the poll interval is never reached).
     */
    private void recordOneOfEach(StatsdLineRegistry registry) {
        MockClock clock = (MockClock) registry.config().clock();

        Counter orders = Counter.builder("orders.placed").tag("country", "IS").register(registry);
        orders.increment(3);
        orders.increment(0); // nothing to send
        orders.increment(2.5); // sent as a whole number, as Micrometer does; counted in full locally
        assertThat(orders.count()).isEqualTo(5.5);

        Timer checkout = Timer.builder("checkout").tag("step", "pay").register(registry);
        checkout.record(Duration.ofMillis(250));
        checkout.record(12_500, TimeUnit.MICROSECONDS);
        checkout.record(-1, TimeUnit.MILLISECONDS); // negative: ignored
        assertThat(checkout.count()).isEqualTo(2);
        assertThat(checkout.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(262.5);
        assertThat(checkout.max(TimeUnit.MILLISECONDS)).isEqualTo(250);

        DistributionSummary basket = DistributionSummary.builder("basket.size").register(registry);
        basket.record(7);
        assertThat(basket.count()).isEqualTo(1);
        assertThat(basket.totalAmount()).isEqualTo(7);
        assertThat(basket.max()).isEqualTo(7);

        depth.set(12);
        Gauge.builder("queue.depth", depth, AtomicInteger::get).tag("queue", "mail").register(registry);
        Gauge.builder("broken.ratio", () -> Double.NaN).register(registry); // NaN: never sent

        misses.set(5);
        FunctionCounter.builder("cache.misses", misses, AtomicLong::get).register(registry);
        loads.set(4);
        FunctionTimer.builder("cache.loads", loads, AtomicLong::get, l -> 1000.6, TimeUnit.MILLISECONDS)
                .register(registry);

        LongTaskTimer.builder("report.render").register(registry).start();
        clock.add(Duration.ofMillis(1500));

        Meter.builder("pool", Meter.Type.OTHER, List.of(new Measurement(() -> 3.0, Statistic.VALUE),
                new Measurement(() -> 7.0, Statistic.TOTAL))).register(registry);
    }

    @Test
    void polledMetersAreSentEveryIntervalFromOneDaemonThreadAndOnceMoreAtClose() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                StatsdConnector connector = new StatsdConnector(
                        loopback(Protocol.TCP, agent.port()).build()).start()) {
            List<Thread> before = pollerThreads();
            StatsdLineRegistry registry = new StatsdLineRegistry(format(StatsdFlavor.DATADOG), connector,
                    Duration.ofMillis(50)).start();
            depth.set(1);
            Gauge.builder("queue.depth", depth, AtomicInteger::get).register(registry);
            FunctionCounter.builder("cache.misses", misses, AtomicLong::get).register(registry);

            StreamLineServer.await(() -> count(agent.lines(), "queue.depth:1|g") >= 3, WAIT,
                    () -> "expected the gauge polled 3 times: " + agent.lines());
            List<Thread> started = pollerThreads();
            started.removeAll(before);
            assertThat(started).hasSize(1).allMatch(Thread::isDaemon);

            depth.set(2);
            misses.addAndGet(7);
            StreamLineServer.await(() -> agent.lines().contains("queue.depth:2|g"), WAIT, agent::toString);
            misses.addAndGet(5);
            depth.set(99);
            closeInOrder(registry, connector);
            agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read

            started.get(0).join(WAIT.toMillis());
            assertThat(started.get(0).isAlive()).as("poller thread alive %s after close", WAIT).isFalse();
            List<String> lines = agent.lines();
            assertThat(lines.get(lines.size() - 1)).isIn("queue.depth:99|g", "cache.misses:5|c");
            assertThat(lines).contains("queue.depth:99|g");
            // the function counter sends what changed since the previous poll, only when it changed
            assertThat(lines).filteredOn(line -> line.startsWith("cache.misses:"))
                    .extracting(line -> Long.parseLong(line.substring("cache.misses:".length(), line.indexOf('|'))))
                    .allMatch(delta -> delta > 0)
                    .satisfies(deltas -> assertThat(deltas.stream().mapToLong(Long::longValue).sum()).isEqualTo(12));
        }
    }

    @Test
    void closeSendsPolledMetersOnceAndIsIdempotent() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                StatsdConnector connector = new StatsdConnector(
                        loopback(Protocol.TCP, agent.port()).build()).start()) {
            StatsdLineRegistry registry = new StatsdLineRegistry(format(StatsdFlavor.DATADOG), connector, NEVER)
                    .start();
            depth.set(12);
            Gauge.builder("queue.depth", depth, AtomicInteger::get).register(registry);
            Gauge removed = Gauge.builder("removed.depth", depth, AtomicInteger::get).register(registry);
            registry.remove(removed);

            connector.offer("end.marker:1|c"); // nothing polled before it: the interval is never
            agent.awaitLines(1, WAIT);
            registry.close();
            closeInOrder(registry, connector); // closes the registry again: nothing more is sent
            assertThat(registry.isClosed()).isTrue();
            agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read

            assertThat(agent.lines()).containsExactly("end.marker:1|c", "queue.depth:12|g");
        }
    }

    @Test
    void concurrentRecordersEachWriteTheirOwnLinesAndEveryLineArrivesExactlyOnce() throws Exception {
        int threads = 4;
        int perThread = 25_000;
        int total = threads * perThread;
        ThreadLocal<Integer> recorder = new ThreadLocal<>();
        AtomicInteger foreignLines = new AtomicInteger();
        try (StreamLineServer agent = StreamLineServer.tcp();
                StatsdConnector connector = new StatsdConnector(
                        loopback(Protocol.TCP, agent.port()).queueSize(total).build()).start()) {
            // the sink checks that each line is handed over by the thread that recorded it: nobody drains for others
            Consumer<String> sink = line -> {
                long micros = valueInMicros(line);
                Integer self = recorder.get();
                if (self == null || micros / perThread != self) {
                    foreignLines.incrementAndGet();
                }
                connector.accept(line);
            };
            StatsdLineRegistry registry = new StatsdLineRegistry(format(StatsdFlavor.DATADOG), sink, NEVER);
            Timer timer = Timer.builder("view.duration").tag("route", "/users/{id}").register(registry);

            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                Thread worker = new Thread(() -> {
                    recorder.set(index);
                    try {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            long micros = (long) index * perThread + i; // unique per line: thread and sequence
                            timer.record(micros * 1_000, TimeUnit.NANOSECONDS);
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }, "test-recorder-" + t);
                worker.start();
                workers.add(worker);
            }
            start.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(failure.get()).isNull();
            closeInOrder(registry, connector);
            agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read

            int[] seen = new int[total];
            for (String line : agent.lines()) {
                assertThat(line).startsWith("view.duration:").endsWith("|ms|#route:/users/{id}");
                seen[(int) valueInMicros(line)]++;
            }
            assertThat(agent.lineCount()).isEqualTo(total);
            assertThat(seen).containsOnly(1);
            assertThat(connector.dropped("queue_full")).isZero();
            assertThat(foreignLines).hasValue(0);
            assertThat(timer.count()).isEqualTo(total);
            // that nobody works for the others is proven above, line by line (Micrometer's registry: 75 000 of
            // 100 000 lines handed over by another thread)
        }
    }

    @Test
    void aFaultWhileSendingOrPollingIsCountedAndNeverThrown() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                StatsdConnector connector = new StatsdConnector(
                        loopback(Protocol.TCP, agent.port()).build()).start()) {
            Consumer<String> sink = line -> {
                if (line.startsWith("boom")) {
                    throw new IllegalStateException("this sink refuses " + line);
                }
                connector.accept(line);
            };
            StatsdLineRegistry registry = new StatsdLineRegistry(format(StatsdFlavor.DATADOG), sink, NEVER);
            Counter boom = registry.counter("boom");
            Timer boomTimer = registry.timer("boom.timer");
            Gauge.builder("failing.gauge", () -> {
                throw new IllegalArgumentException("broken gauge"); // Micrometer's gauge reads it as NaN: not sent
            }).register(registry);
            FunctionCounter.builder("failing.counter", registry, r -> {
                throw new IllegalArgumentException("broken function counter"); // a fault while polling
            }).register(registry);
            Gauge.builder("fine.gauge", () -> 4).register(registry);

            assertThatCode(() -> {
                boom.increment();
                boomTimer.record(Duration.ofMillis(3));
                registry.counter("fine").increment();
            }).doesNotThrowAnyException();
            assertThat(boom.count()).isEqualTo(1);
            assertThat(registry.errors()).isEqualTo(2);

            closeInOrder(registry, connector);
            agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read
            assertThat(registry.errors()).isEqualTo(3);
            assertThat(agent.lines()).containsExactlyInAnyOrder("fine:1|c", "fine.gauge:4|g");
        }
    }

    @Test
    void percentilesConfiguredByAMeterFilterAreComputedLocallyAndPolledAsGauges() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                StatsdConnector connector = new StatsdConnector(
                        loopback(Protocol.TCP, agent.port()).build()).start()) {
            StatsdLineRegistry registry = new StatsdLineRegistry(format(StatsdFlavor.DATADOG), connector, NEVER);
            registry.config().meterFilter(new MeterFilter() {
                @Override
                public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                    return DistributionStatisticConfig.builder().percentiles(0.5).build().merge(config);
                }
            });
            Timer timer = registry.timer("checkout");
            for (int millis = 1; millis <= 100; millis++) {
                timer.record(Duration.ofMillis(millis));
            }

            ValueAtPercentile[] percentiles = timer.takeSnapshot().percentileValues();
            assertThat(percentiles).hasSize(1);
            assertThat(percentiles[0].value(TimeUnit.MILLISECONDS)).isBetween(45.0, 55.0);
            closeInOrder(registry, connector);
            agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read

            assertThat(agent.lines()).filteredOn(line -> line.startsWith("checkout.percentile:"))
                    .singleElement().asString().matches("checkout\\.percentile:[0-9.]+\\|g\\|#phi:0\\.5");
        }
    }

    /** As {@code StatsD.close()}: the registry (its last poll), then the connector, which flushes every line. */
    private static void closeInOrder(StatsdLineRegistry registry, StatsdConnector connector) {
        registry.close();
        connector.close();
    }

    private static LineFormat format(StatsdFlavor flavor) {
        return LineFormat.of(flavor, null, "view", Map.of());
    }

    /** The value of a timing line, {@code name:12.345|ms…}, in whole microseconds. */
    private static long valueInMicros(String line) {
        String value = line.substring(line.indexOf(':') + 1, line.indexOf('|'));
        return new BigDecimal(value).movePointRight(3).longValueExact();
    }

    private static List<Thread> pollerThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("viewmetrics-statsd-poller") && thread.isAlive()) {
                found.add(thread);
            }
        }
        return found;
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }
}
