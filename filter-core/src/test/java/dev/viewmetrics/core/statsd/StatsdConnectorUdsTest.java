package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.StreamLineServer;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.numbered;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.offerAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class StatsdConnectorUdsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void linesGoThroughAUnixDomainSocketAndSurviveTheAgentRestarting() throws Exception {
        Path socket = dir.resolve("statsd.sock");
        ConnectorSettings settings = ConnectorSettings.builder(socket.toString()).protocol(Protocol.UDS)
                .reconnectMin(Duration.ofMillis(20)).reconnectMax(Duration.ofMillis(100)).build();
        List<String> first = numbered("uds.first", 0, 500);
        List<String> second = numbered("uds.second", 0, 500);
        try (StatsdConnector connector = new StatsdConnector(settings).start()) {
            StreamLineServer before = StreamLineServer.uds(socket);
            offerAll(connector, first);
            before.awaitLines(first.size(), WAIT);
            before.close(); // everything sent was read: a plain stop loses nothing

            offerAll(connector, second); // queued while no agent listens
            try (StreamLineServer after = StreamLineServer.uds(socket)) {
                after.awaitLines(second.size(), WAIT);

                List<String> received = new ArrayList<>(before.lines());
                received.addAll(after.lines());
                List<String> expected = new ArrayList<>(first);
                expected.addAll(second);
                assertThat(received).containsExactlyElementsOf(expected);
                assertThat(connector.reconnects()).isEqualTo(1);
            }
        }
    }
}
