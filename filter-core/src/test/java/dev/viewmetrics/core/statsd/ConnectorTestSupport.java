package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.StreamLineServer;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the connector tests. */
final class ConnectorTestSupport {

    private ConnectorTestSupport() {
    }

    /** A loopback TCP port that was free a moment ago (nobody listens on it). */
    static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    /** A loopback UDP port that was free a moment ago (nobody listens on it). */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Settings for a test agent on 127.0.0.1 with a fast back-off and a close timeout long enough for any flush
     * the tests make on a busy machine (tests of the timeout set their own).
     */
    static ConnectorSettings.Builder loopback(ConnectorSettings.Protocol protocol, int port) {
        return ConnectorSettings.builder("127.0.0.1").protocol(protocol).port(port)
                .reconnectMin(Duration.ofMillis(20)).reconnectMax(Duration.ofMillis(200))
                .closeTimeout(Duration.ofSeconds(60));
    }

    /** {@code prefix.0:1|c} … {@code prefix.(count-1):1|c}. */
    static List<String> numbered(String prefix, int from, int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            lines.add(prefix + "." + i + ":1|c");
        }
        return lines;
    }

    /**
     * Waits until the connector counted {@code count} lines as sent and nothing as waiting: it counts a batch once
     * its write returned, which can be after the agent read it.
     */
    static void awaitSent(StatsdConnector connector, long count) {
        StreamLineServer.await(() -> connector.sent() >= count && connector.queued() == 0, Duration.ofSeconds(10),
                () -> "sent " + connector.sent() + " of " + count + ", " + connector.queued() + " waiting");
    }

    static void offerAll(StatsdConnector connector, List<String> lines) {
        for (String line : lines) {
            if (!connector.offer(line)) {
                throw new AssertionError("offer refused " + line);
            }
        }
    }
}
