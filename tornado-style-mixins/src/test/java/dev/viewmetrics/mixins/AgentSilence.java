package dev.viewmetrics.mixins;

import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.statsd.StatsdConnector;
import dev.viewmetrics.core.testing.StreamLineServer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that nothing reached a real TCP agent, without waiting to see whether something still comes: once the
 * code under test is done and closed (a client that sends flushes on close), an enabled client connects and sends
 * one marker line. The agent accepts connections in the order they were made, so anything sent before sits on an
 * earlier connection: the agent must have accepted the marker's connection alone and received the marker alone.
 */
final class AgentSilence {

    static final String MARKER = "counters.end.marker:1|c";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private AgentSilence() {
    }

    static void assertOnlyTheMarkerArrives(StreamLineServer agent) {
        StatsdClient marker = new StatsdClient(new StatsdConnector(ConnectorSettings.builder("127.0.0.1")
                .port(agent.port()).protocol(ConnectorSettings.Protocol.TCP).build()).start(), "");
        marker.incr("end.marker", 1);
        marker.close();
        StreamLineServer.await(() -> agent.lines().contains(MARKER), WAIT, () -> "no marker: " + agent.lines());
        agent.awaitConnectionsEnded(1, WAIT); // the marker's, and any made before it

        assertThat(agent.lines()).as("lines the agent received").containsExactly(MARKER);
        assertThat(agent.connectionCount()).as("connections the agent accepted").isEqualTo(1);
    }
}
