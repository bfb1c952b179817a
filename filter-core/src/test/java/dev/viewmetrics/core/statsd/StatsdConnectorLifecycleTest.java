package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.StreamLineServer;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.freeTcpPort;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.loopback;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.numbered;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.offerAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.statsd.StatsdConfig;
import io.micrometer.statsd.StatsdFlavor;
import io.micrometer.statsd.StatsdMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StatsdConnectorLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void linesOfferedBeforeStartWaitAndGoOutOnStart() throws Exception {
        List<Thread> sendersBefore = senderThreads();
        try (StreamLineServer server = StreamLineServer.tcp();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.port()).build())) {
            offerAll(connector, numbered("early", 0, 5));
            assertThat(senderThreads()).as("no sender thread before start()").isSubsetOf(sendersBefore);
            assertThat(server.connectionCount()).as("nothing connects before start()").isZero();
            assertThat(connector.queued()).isEqualTo(5);

            connector.start();
            server.awaitLines(5, WAIT);
            assertThat(server.lines()).containsExactlyElementsOf(numbered("early", 0, 5));
        }
    }

    @Test
    void startIsIdempotentRunsOneNamedDaemonThreadAndCloseStopsIt() throws Exception {
        StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, freeTcpPort()).build());
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        assertThat(connector.start()).isSameAs(connector);
        connector.start();

        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().equals("viewmetrics-statsd-sender"))
                .toList();
        assertThat(started).hasSize(1);
        Thread sender = started.get(0);
        assertThat(sender.isDaemon()).isTrue();

        connector.close();
        connector.close();
        sender.join(WAIT.toMillis());
        assertThat(sender.isAlive()).as("sender alive %s after close", WAIT).isFalse();
        assertThat(connector).hasToString("StatsdConnector[tcp://127.0.0.1:" + connector.settings().port() + ", CLOSED]");
        assertThatThrownBy(connector::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void closingANeverStartedConnectorDropsWhatWasQueued() {
        StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, 9).build());
        offerAll(connector, numbered("never", 0, 3));
        connector.close();

        assertThat(connector.dropped("closed")).isEqualTo(3);
        assertThat(connector.queued()).isZero();
        assertThat(connector.offer("after:1|c")).isFalse();
        assertThat(connector.dropped("closed")).isEqualTo(4);
    }

    @Test
    void anUnknownDropReasonIsRejected() {
        StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, 9).build());
        assertThatThrownBy(() -> connector.dropped("lost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue_full, send_error or closed");
        connector.close();
    }

    @Test
    void selfMetricsReportSentDroppedQueuedAndReconnects() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (StreamLineServer server = StreamLineServer.tcp();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.port()).queueSize(50).build())) {
            connector.bindTo(registry);
            offerAll(connector, numbered("self", 0, 50));
            connector.offer("one.too.many:1|c");
            assertThat(registry.get("viewmetrics.statsd.queued").gauge().value()).isEqualTo(50);
            assertThat(registry.get("viewmetrics.statsd.dropped").tag("reason", "queue_full").functionCounter().count())
                    .isEqualTo(1);

            connector.start();
            server.awaitLines(50, WAIT);
            server.closeConnections();
            offerAll(connector, numbered("self.again", 0, 1));
            server.awaitLines(51, WAIT);
            ConnectorTestSupport.awaitSent(connector, 51);

            assertThat(registry.get("viewmetrics.statsd.sent").functionCounter().count()).isEqualTo(51);
            assertThat(registry.get("viewmetrics.statsd.queued").gauge().value()).isZero();
            assertThat(registry.get("viewmetrics.statsd.reconnects").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("viewmetrics.statsd.dropped").tag("reason", "send_error").functionCounter().count())
                    .isZero();
            assertThat(registry.get("viewmetrics.statsd.dropped").tag("reason", "closed").functionCounter().count())
                    .isZero();
        }
    }

    @Test
    void micrometersStatsdRegistryWritesThroughTheConnector() throws Exception {
        try (StreamLineServer server = StreamLineServer.tcp();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.port()).build()).start()) {
            StatsdConfig config = new StatsdConfig() {
                @Override
                public String get(String key) {
                    return null;
                }

                @Override
                public StatsdFlavor flavor() {
                    return StatsdFlavor.ETSY;
                }
            };
            StatsdMeterRegistry registry = StatsdMeterRegistry.builder(config).lineSink(connector).build();
            try {
                registry.counter("orders.placed").increment(3);
                server.awaitLines(1, WAIT);
                assertThat(server.lines()).containsExactly("ordersPlaced.statistic.count:3|c");
            } finally {
                registry.close();
            }
        }
    }

    private static List<Thread> senderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(StatsdConnector.THREAD_NAME) && t.isAlive()).toList();
    }
}
