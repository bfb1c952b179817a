package dev.viewmetrics.mixins;

import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.statsd.StatsdConnector;
import dev.viewmetrics.core.testing.StreamLineServer;
import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** sprockets-statsd's exact payloads, over real TCP and UDP sockets. */
class StatsdClientWireTest {

    private static final List<String> EXPECTED = List.of(
            "applications.shop.prod.counters.orders.placed:1|c",
            "applications.shop.prod.counters.orders.placed:5|c",
            "applications.shop.prod.counters.orders.cancelled:-2|c",
            "applications.shop.prod.gauges.queue.depth:12|g",
            "applications.shop.prod.gauges.temperature:0|g",
            "applications.shop.prod.gauges.temperature:-3.5|g",
            "applications.shop.prod.gauges.queue.depth:+3|g",
            "applications.shop.prod.gauges.queue.depth:-2|g",
            "applications.shop.prod.timers.http.fetch.200:250|ms",
            "applications.shop.prod.timers.db.query:1.5|ms",
            "applications.shop.prod.timers.weird_path_with__pipes_:1|ms");

    private static void sendAll(StatsdClient client) {
        client.incr("orders.placed", 1);
        client.incr("orders.placed", 5);
        client.decr("orders.cancelled", 2);
        client.gauge("queue.depth", 12);
        client.gauge("temperature", -3.5);
        client.adjustGauge("queue.depth", 3);
        client.adjustGauge("queue.depth", -2);
        client.timing("http.fetch.200", 0.25);
        client.timing("db.query", Duration.ofNanos(1_500_000));
        client.timing("weird path|with\n:pipes#", Duration.ofMillis(1));
    }

    @Test
    void payloadsOverTcpAreSprocketsExactly() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp()) {
            StatsdClient client = new StatsdClient(new StatsdConnector(ConnectorSettings.builder("127.0.0.1")
                    .port(agent.port()).protocol(ConnectorSettings.Protocol.TCP).build()).start(),
                    "applications.shop.prod");
            sendAll(client);
            client.close();

            agent.awaitLines(EXPECTED.size(), Duration.ofSeconds(10));
            assertThat(agent.lines()).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void payloadsOverUdpAreSprocketsExactly() throws Exception {
        try (UdpReceiver agent = new UdpReceiver()) {
            StatsdClient client = new StatsdClient(new StatsdConnector(ConnectorSettings.builder("127.0.0.1")
                    .port(agent.port()).protocol(ConnectorSettings.Protocol.UDP).build()).start(),
                    "applications.shop.prod");
            sendAll(client);
            client.connector().offer("end.marker:1|c"); // through the same queue: after every line above
            client.close();

            assertThat(agent.linesUntil(line -> line.equals("end.marker:1|c"))).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void emptyPrefixMeansNoPrefixNotNone() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp()) {
            StatsdClient client = new StatsdClient(new StatsdConnector(ConnectorSettings.builder("127.0.0.1")
                    .port(agent.port()).protocol(ConnectorSettings.Protocol.TCP).build()).start(), "");
            client.incr("logins", 1);
            client.close();

            agent.awaitLines(1, Duration.ofSeconds(10));
            assertThat(agent.lines()).containsExactly("counters.logins:1|c");
        }
    }

    /** Disabled while a real agent is configured: every call is accepted, and not one byte reaches the agent. */
    @Test
    void disabledClientAcceptsEverythingAndSendsNothing() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp(); TestServer server = TestServer.builder("")
                .withoutFilter().start()) {
            StatsdApplication application = new StatsdApplication(server.context().getServletContext(),
                    Map.of("STATSD_ENABLED", "false", "STATSD_HOST", "127.0.0.1",
                            "STATSD_PORT", Integer.toString(agent.port()))::get);
            StatsdClient client = application.startStatsd();
            assertThat(client.isEnabled()).isFalse();
            sendAll(client);
            try (StatsdClient.Timer timer = client.timer("x")) {
                client.incr("inside.timer", 1);
            }
            client.close();
            application.stopStatsd();

            AgentSilence.assertOnlyTheMarkerArrives(agent);
        }
    }
}
