package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.EtsyStatsd;
import dev.viewmetrics.core.testing.StreamLineServer;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.offerAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import dev.viewmetrics.core.testing.EtsyStatsd.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The connector against the real etsy StatsD daemon, read back through its management port. */
@Timeout(60)
class StatsdConnectorEtsyStatsdTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @ParameterizedTest
    @EnumSource(Server.class)
    void statsdCountsEveryCounterAndTimerLine(Server server) throws Exception {
        int n = 1_000;
        try (EtsyStatsd statsd = EtsyStatsd.start(server);
             StatsdConnector connector = new StatsdConnector(settingsFor(statsd)).start()) {
            for (int i = 0; i < n; i++) {
                offerAll(connector, List.of("viewmetrics.it.hits:1|c", "viewmetrics.it.latency:" + i + "|ms"));
            }
            StreamLineServer.await(() -> statsd.timer("viewmetrics.it.latency").size() == n, WAIT,
                    () -> "timer values: " + statsd.timer("viewmetrics.it.latency").size());

            assertThat(statsd.counter("viewmetrics.it.hits")).isEqualTo(n);
            assertThat(statsd.timer("viewmetrics.it.latency")).containsExactlyElementsOf(range(0, n));
            assertThat(statsd.counter("statsd.metrics_received")).isEqualTo(2 * n);
            assertThat(statsd.counter("statsd.bad_lines_seen")).isZero();
            ConnectorTestSupport.awaitSent(connector, 2 * n);
            assertThat(connector.sent()).isEqualTo(2 * n);
        }
    }

    @Test
    void aStatsdStartedAgainCountsEveryLineOfferedWhileItWasDown() throws Exception {
        try (EtsyStatsd statsd = EtsyStatsd.start(Server.TCP);
             StatsdConnector connector = new StatsdConnector(settingsFor(statsd)).start()) {
            offerAll(connector, counters("it.before", 200));
            StreamLineServer.await(() -> statsd.counter("it.before") == 200, WAIT, () -> "before: " + statsd.counters());

            statsd.stop(); // killed while the connection is idle: nothing can be in its buffers
            offerAll(connector, counters("it.during", 300));
            for (int i = 0; i < 300; i++) {
                connector.offer("it.during.latency:" + i + "|ms");
            }
            statsd.startAgain();
            offerAll(connector, counters("it.after", 200));

            StreamLineServer.await(() -> statsd.counter("it.after") == 200, WAIT, () -> "after: " + statsd.counters());
            assertThat(statsd.counter("it.during")).isEqualTo(300);
            assertThat(statsd.timer("it.during.latency")).containsExactlyElementsOf(range(0, 300));
            assertThat(statsd.counter("it.before")).as("nothing sent twice").isZero();
            assertThat(connector.reconnects()).isEqualTo(1);
        }
    }

    /**
     * Lines keep coming while statsd is killed. The only ones it may lose are those already written
     * into the dead daemon's socket buffer: all of them were offered before it died, so the new
     * daemon must receive an unbroken run of lines that starts no later than the first line offered
     * after the old one was gone, and ends with the last one.
     */
    @Test
    void killingStatsdMidStreamLosesOnlyLinesOfferedBeforeItDied() throws Exception {
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger produced = new AtomicInteger();
        int firstAfterDeath;
        try (EtsyStatsd statsd = EtsyStatsd.start(Server.TCP);
             StatsdConnector connector = new StatsdConnector(settingsFor(statsd).withQueueSize(100_000)).start()) {
            Thread producer = new Thread(() -> {
                for (int i = 0; producing.get(); i++) {
                    connector.offer("it.flow:" + i + "|ms");
                    produced.incrementAndGet();
                    if (i % 10 == 9) {
                        LockSupport.parkNanos(1_000_000);
                    }
                }
            }, "test-producer");
            try {
                producer.start();
                awaitAtLeast(connector::sent, 2_000, "lines sent to the first statsd");
                statsd.stop();
                firstAfterDeath = produced.get();
                awaitAtLeast(produced::get, firstAfterDeath + 2_000, "lines offered while statsd is dead");
                statsd.startAgain();
                awaitAtLeast(connector::reconnects, 1, "reconnects");
                long sentAfterRestart = connector.sent();
                awaitAtLeast(connector::sent, sentAfterRestart + 2_000, "lines sent to the new statsd");
            } finally {
                producing.set(false);
                producer.join();
            }
            int last = produced.get() - 1;
            StreamLineServer.await(() -> lastValue(statsd.timer("it.flow")) == last, WAIT,
                    () -> "last value " + lastValue(statsd.timer("it.flow")) + ", expected " + last);

            List<Double> values = statsd.timer("it.flow");
            int first = values.get(0).intValue();
            assertThat(first).as("first line counted by the new statsd").isLessThanOrEqualTo(firstAfterDeath);
            assertThat(values).as("an unbroken run up to the last line").isEqualTo(range(first, last + 1));
            assertThat(connector.dropped("queue_full") + connector.dropped("send_error")).isZero();
        }
    }

    private static void awaitAtLeast(java.util.function.LongSupplier count, long atLeast, String what) {
        StreamLineServer.await(() -> count.getAsLong() >= atLeast, WAIT,
                () -> what + ": " + count.getAsLong() + ", expected " + atLeast);
    }

    @Test
    void theManagementReplyParserReadsNodeInspectOutput() {
        assertThat(EtsyStatsd.InspectParser.parseObject("""
                {
                  'statsd.bad_lines_seen': 0,
                  weirdkey: 2,
                  'foo-bar': 1.5,
                  't.x;y': [
                      0,   1,   2,
                    120, 1e+21, NaN
                  ],
                  'it\\'s': []
                }"""))
                .containsEntry("statsd.bad_lines_seen", 0.0)
                .containsEntry("weirdkey", 2.0)
                .containsEntry("foo-bar", 1.5)
                .containsEntry("t.x;y", List.of(0.0, 1.0, 2.0, 120.0, 1e21, Double.NaN))
                .containsEntry("it's", List.of());
    }

    private static ConnectorSettings settingsFor(EtsyStatsd statsd) {
        ConnectorSettings.Builder builder = switch (statsd.server()) {
            case UDP -> ConnectorSettings.builder("127.0.0.1").protocol(Protocol.UDP).port(statsd.port());
            case TCP -> ConnectorSettings.builder("127.0.0.1").protocol(Protocol.TCP).port(statsd.port());
            case UDS -> ConnectorSettings.builder(statsd.socket().toString()).protocol(Protocol.UDS);
        };
        return builder.reconnectMin(Duration.ofMillis(20)).reconnectMax(Duration.ofMillis(200)).build();
    }

    private static List<String> counters(String name, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(name + ":1|c");
        }
        return lines;
    }

    private static List<Double> range(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> (double) i).toList();
    }

    private static int lastValue(List<Double> values) {
        return values.isEmpty() ? -1 : values.get(values.size() - 1).intValue();
    }
}
