package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import dev.viewmetrics.core.testing.StreamLineServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.viewmetrics.core.statsd.ConnectorTestSupport.freeTcpPort;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.numbered;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.offerAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the connector does over time — the reconnect back-off, resolving the agent again, the drop warnings — read
 * from a clock the test moves and a resolver it answers, against real sockets.
 */
@Timeout(60)
class ConnectorScheduleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void reconnectDelayDoublesFromReconnectMinToReconnectMaxAndStartsOverAfterAConnection() throws Exception {
        int port = freeTcpPort(); // nobody listens yet: every attempt is refused at once
        TestClock clock = new TestClock();
        ConnectorSettings settings = ConnectorSettings.builder("127.0.0.1").protocol(Protocol.TCP).port(port)
                .reconnectMin(Duration.ofMillis(100)).reconnectMax(Duration.ofSeconds(1)).build();
        try (StatsdConnector connector = new StatsdConnector(settings, clock, HostResolver.SYSTEM).start()) {
            List<Duration> waits = new ArrayList<>();
            for (int failed = 1; failed <= 7; failed++) {
                waits.add(clock.nextWait()); // after each refused attempt
                if (failed < 7) {
                    clock.release();
                }
            }
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                    Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));

            try (StreamLineServer agent = StreamLineServer.tcp(port)) {
                clock.release(); // the eighth attempt connects
                offerAll(connector, numbered("up", 0, 1));
                agent.awaitLines(1, WAIT);

                agent.closeConnections(); // lost: the connector waits again, from the minimum
                assertThat(clock.nextWait()).as("the wait after a connection").isEqualTo(Duration.ofMillis(100));
                clock.release();
                offerAll(connector, numbered("again", 0, 1));
                agent.awaitLines(2, WAIT);
                assertThat(agent.lines()).containsExactly("up.0:1|c", "again.0:1|c");
                assertThat(connector.reconnects()).isEqualTo(1);
            }
        }
    }

    /** The agent moves to another address under the same name: the next connection follows it. */
    @Test
    void theHostNameIsResolvedAgainOnEveryReconnect() throws Exception {
        InetAddress first = InetAddress.getByName("127.0.0.1");
        InetAddress second = InetAddress.getByName("127.0.0.2"); // loopback too, a different address
        try (StreamLineServer before = StreamLineServer.tcp(first, 0);
                StreamLineServer after = StreamLineServer.tcp(second, before.port())) {
            AtomicReference<InetAddress> dns = new AtomicReference<>(first);
            List<String> asked = new CopyOnWriteArrayList<>();
            HostResolver resolver = host -> {
                asked.add(host);
                return dns.get();
            };
            ConnectorSettings settings = ConnectorTestSupport.loopback(Protocol.TCP, before.port())
                    .host("statsd.agent.test").build();
            try (StatsdConnector connector = new StatsdConnector(settings, ConnectorClock.SYSTEM, resolver).start()) {
                offerAll(connector, numbered("before", 0, 10));
                before.awaitLines(10, WAIT);

                dns.set(second);
                before.closeConnections();
                offerAll(connector, numbered("after", 0, 10));
                after.awaitLines(10, WAIT);

                assertThat(before.lines()).containsExactlyElementsOf(numbered("before", 0, 10));
                assertThat(after.lines()).containsExactlyElementsOf(numbered("after", 0, 10));
                assertThat(asked).hasSizeGreaterThanOrEqualTo(2).containsOnly("statsd.agent.test");
            }
        }
    }

    @Test
    void aFullQueueIsWarnedAboutAtOnceThenAtMostOnceAMinuteWithTheCountSinceTheLastWarning() {
        TestClock clock = new TestClock();
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(StatsdConnector.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try (StatsdConnector connector = new StatsdConnector(ConnectorTestSupport.loopback(Protocol.TCP, 9)
                .queueSize(10).build(), clock, HostResolver.SYSTEM)) { // never started: the queue only fills
            offerAll(connector, numbered("fits", 0, 10));

            assertThat(connector.offer("dropped.1:1|c")).isFalse();
            assertThat(warnings).hasSize(1);
            assertThat(message(warnings.get(0))).contains("dropped 1 line(s) because the queue was full")
                    .contains("[reason=queue_full]").contains("1 dropped so far");

            for (int i = 0; i < 5; i++) {
                clock.advance(Duration.ofSeconds(11));
                connector.offer("dropped.more:1|c"); // 55 s after the warning: not yet
            }
            clock.advance(Duration.ofSeconds(4)); // 59 s
            connector.offer("dropped.more:1|c");
            assertThat(warnings).as("warnings within a minute of the first").hasSize(1);

            clock.advance(Duration.ofSeconds(1)); // 60 s
            connector.offer("dropped.late:1|c");
            assertThat(warnings).hasSize(2);
            assertThat(message(warnings.get(1))).contains("dropped 7 line(s) because the queue was full")
                    .contains("8 dropped so far");
            assertThat(connector.dropped("queue_full")).isEqualTo(8);
        } finally {
            log.removeHandler(capture);
        }
    }

    private static String message(LogRecord record) {
        return java.text.MessageFormat.format(record.getMessage(), record.getParameters());
    }
}
