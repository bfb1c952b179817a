package dev.viewmetrics.sample;

import dev.viewmetrics.core.testing.UdpReceiver;
import org.eclipse.jetty.server.LocalConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample started in this JVM ({@link SampleServer#start(SampleServer.Options)}), as the full-stack benchmark
 * starts it: on Jetty's {@code LocalConnector}, with its environment variables given in code, sending to a real
 * StatsD receiver. {@code VIEWMETRICS_ENABLED} reaches every application's filter.
 */
@Timeout(120)
class SampleServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> PATHS = List.of("/plain/users/42", "/spring/orders/42", "/mixin/widgets/7", "/rest/users/42");

    @TempDir
    Path statsDir;

    @Test
    void everyApplicationIsMeasuredWhenEnabled() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                SampleServer server = SampleServer.start(options(agent, "true"))) {
            for (String path : PATHS) {
                assertThat(get(server, path)).startsWith("HTTP/1.1 200");
            }

            for (String route : List.of("/plain/users/{id}", "/spring/orders/{orderId}", "/mixin/widgets/{id}",
                    "/rest/users/{id}")) {
                agent.await(line -> line.startsWith("view.duration:") && line.contains("route:" + route + ","), WAIT);
            }
        }
    }

    @Test
    void noApplicationMeasuresAnythingWhenDisabled() throws Exception {
        try (UdpReceiver agent = new UdpReceiver()) {
            try (SampleServer server = SampleServer.start(options(agent, "false"))) {
                for (String path : PATHS) {
                    assertThat(get(server, path)).startsWith("HTTP/1.1 200");
                }
            }
            // closing flushed the StatsD client, whose last poll sends its queue gauge after every earlier line
            List<String> sent = agent.linesUntil(line -> line.startsWith("viewmetrics.statsd.queued:"));

            assertThat(sent).noneMatch(line -> line.startsWith("view."));
        }
    }

    private SampleServer.Options options(UdpReceiver agent, String enabled) {
        Map<String, String> environment = Map.of("VIEWMETRICS_ENABLED", enabled, "VIEWMETRICS_STATS_DIR",
                statsDir.toString(), "STATSD_HOST", "127.0.0.1", "STATSD_PORT", Integer.toString(agent.port()));
        return SampleServer.options().connector(LocalConnector::new).environment(environment::get);
    }

    private static String get(SampleServer server, String path) throws Exception {
        return ((LocalConnector) server.connector())
                .getResponse("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }
}
