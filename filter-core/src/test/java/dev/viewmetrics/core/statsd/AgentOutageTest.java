package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.StreamLineServer;
import dev.viewmetrics.core.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter end to end while the TCP agent is away: every request completes without waiting for it (nothing can
 * be sent, yet every response comes), and every request's lines arrive exactly once when the agent comes.
 */
class AgentOutageTest {

    private static final int REQUESTS = 150;
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void requestsWhileTheAgentIsDownCompleteAndAreReplayedWhenItComes() throws Exception {
        int port = ConnectorTestSupport.freeTcpPort();
        try (ViewMetrics metrics = ViewMetrics.builder().statsdHost("127.0.0.1").statsdPort(port)
                .statsdProtocol("tcp").set("statsd.reconnect-max", "200ms").routes("/users/{id}")
                .environmentVariables(key -> null).build();
                TestServer server = TestServer.builder("").filter(metrics.filter())
                        .servlet("/*", Servlets.status(200)).start()) {
            StatsdConnector connector = metrics.statsd().connector();
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(server.get("/users/" + i).statusCode()).as("request %d, agent down", i).isEqualTo(200);
            }
            assertThat(connector.sent()).as("lines sent while the agent was down").isZero();
            assertThat(connector.queued()).as("lines waiting").isGreaterThanOrEqualTo(2 * REQUESTS);

            try (StreamLineServer agent = StreamLineServer.tcp(port)) {
                StreamLineServer.await(() -> count(agent.lines(), "view.duration:") >= REQUESTS, WAIT,
                        () -> "expected " + REQUESTS + " duration lines, got " + count(agent.lines(), "view.duration:"));
                metrics.close();
                agent.awaitConnectionsEnded(connector.reconnects() + 1, WAIT); // every line sent has been read

                List<String> lines = agent.lines();
                assertThat(count(lines, "view.duration:")).isEqualTo(REQUESTS);
                assertThat(count(lines, "view.cpu:")).isEqualTo(REQUESTS);
                assertThat(lines).filteredOn(l -> l.startsWith("view.duration:"))
                        .allMatch(l -> l.contains("|#route:/users/{id},method:GET,status:200,"));
                assertThat(connector.dropped("queue_full") + connector.dropped("send_error")
                        + connector.dropped("closed")).isZero();
            }
        }
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
