package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.StreamLineServer;
import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.core.testing.Servlets;
import dev.viewmetrics.core.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter end to end while the TCP agent is away: requests are as fast as with the agent up, and every
 * request's lines arrive exactly once when the agent comes (back).
 */
class AgentOutageTest {

    private static final int REQUESTS = 150;

    @Test
    void requestsWhileTheAgentIsDownAreReplayedAndNotSlowed() throws Exception {
        int port = ConnectorTestSupport.freeTcpPort();
        ViewMetrics metrics = ViewMetrics.builder().statsdHost("127.0.0.1").statsdPort(port).statsdProtocol("tcp")
                .set("statsd.reconnect-max", "200ms").routes("/users/{id}").environmentVariables(key -> null)
                .build();
        try (TestServer server = TestServer.builder("").filter(metrics.filter())
                .servlet("/*", Servlets.status(200)).start()) {
            timeRequests(server, 50); // warm-up, agent down
            long downMedian = timeRequests(server, REQUESTS);

            try (StreamLineServer agent = StreamLineServer.tcp(port)) {
                agent.awaitLines(2 * (50 + REQUESTS), Duration.ofSeconds(15));
                long upMedian = timeRequests(server, REQUESTS);
                int total = 50 + 2 * REQUESTS;
                StreamLineServer.await(() -> count(agent.lines(), "view.duration:") >= total,
                        Duration.ofSeconds(15), () -> "expected " + total + " duration lines");
                metrics.close();

                List<String> lines = agent.lines();
                assertThat(count(lines, "view.duration:")).isEqualTo(total);
                assertThat(count(lines, "view.cpu:")).isEqualTo(total);
                assertThat(lines).filteredOn(l -> l.startsWith("view.duration:"))
                        .allMatch(l -> l.contains("|#route:/users/{id},method:GET,status:200,"));
                assertThat(downMedian).as("median request nanos with the agent down vs up (%d)", upMedian)
                        .isLessThan(3 * upMedian + 2_000_000L);
            }
        } finally {
            metrics.close();
        }
    }

    private static long timeRequests(TestServer server, int count) throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            assertThat(server.get("/users/" + i).statusCode()).isEqualTo(200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[count / 2];
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
