package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.StreamLineServer;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.freeUdpPort;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.loopback;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.numbered;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.offerAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StatsdConnectorUdpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void linesArriveExactlyPackedIntoDatagramsNoLargerThanTheLimit() throws Exception {
        int maxPacketSize = 200;
        try (ConnectorUdpReceiver receiver = ConnectorUdpReceiver.open();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.UDP, receiver.port())
                     .maxPacketSize(maxPacketSize).build())) {
            List<String> lines = numbered("udp.packed", 0, 2_000);
            offerAll(connector, lines); // queued before start: the sender finds them all at once
            connector.start();
            receiver.awaitLines(lines.size(), WAIT);

            assertThat(receiver.lines()).containsExactlyElementsOf(lines);
            List<byte[]> packets = receiver.packets();
            assertThat(packets).allSatisfy(packet -> assertThat(packet.length).isLessThanOrEqualTo(maxPacketSize));
            for (int i = 0; i < packets.size() - 1; i++) {
                String next = new String(packets.get(i + 1), StandardCharsets.UTF_8);
                int nextLine = next.contains("\n") ? next.indexOf('\n') : next.length();
                assertThat(packets.get(i).length + 1 + nextLine)
                        .as("packet %d was sent full: the next line would not have fitted", i)
                        .isGreaterThan(maxPacketSize);
            }
            ConnectorTestSupport.awaitSent(connector, lines.size());
            assertThat(connector.sent()).isEqualTo(lines.size());
        }
    }

    @Test
    void aLineLongerThanThePacketLimitIsSentAloneNotDropped() throws Exception {
        String longLine = "udp.long." + "x".repeat(300) + ":1|c";
        try (ConnectorUdpReceiver receiver = ConnectorUdpReceiver.open();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.UDP, receiver.port())
                     .maxPacketSize(64).build())) {
            offerAll(connector, List.of("a:1|c", longLine, "b:1|c"));
            connector.start();
            receiver.awaitLines(3, WAIT);

            assertThat(receiver.packets()).extracting(p -> new String(p, StandardCharsets.UTF_8))
                    .containsExactly("a:1|c", longLine, "b:1|c");
            assertThat(connector.dropped("send_error")).isZero();
        }
    }

    @Test
    void aClosedAgentPortCountsSendErrorsAndLinesFlowAgainWhenItReturns() throws Exception {
        int port = freeUdpPort();
        try (StatsdConnector connector = new StatsdConnector(loopback(Protocol.UDP, port).build()).start()) {
            // ICMP port unreachable comes back for one datagram and fails the next send
            StreamLineServer.await(() -> {
                connector.offer("nobody.home:1|c");
                return connector.dropped("send_error") > 0;
            }, WAIT, () -> "no send_error counted");

            try (ConnectorUdpReceiver receiver = ConnectorUdpReceiver.open(port)) {
                StreamLineServer.await(() -> {
                    connector.offer("probe:1|c");
                    return !receiver.lines().isEmpty();
                }, WAIT, () -> "nothing arrived after the agent came back");
                List<String> lines = numbered("udp.back", 0, 100);
                offerAll(connector, lines);
                StreamLineServer.await(() -> received(receiver, "udp.back").size() == lines.size(), WAIT,
                        () -> "got " + received(receiver, "udp.back"));

                assertThat(received(receiver, "udp.back")).containsExactlyElementsOf(lines);
            }
        }
    }

    private static List<String> received(ConnectorUdpReceiver receiver, String prefix) {
        return receiver.lines().stream().filter(line -> line.startsWith(prefix)).toList();
    }
}
