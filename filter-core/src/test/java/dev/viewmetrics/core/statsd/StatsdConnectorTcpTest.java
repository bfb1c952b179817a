package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.StreamLineServer;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.freeTcpPort;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.loopback;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.numbered;
import static dev.viewmetrics.core.statsd.ConnectorTestSupport.offerAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.viewmetrics.core.statsd.ConnectorSettings.Protocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class StatsdConnectorTcpTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void everyLineArrivesOnceAndInOrderThoughTheAgentIsDownAtStartAndRestartsMidRun() throws Exception {
        int port = freeTcpPort(); // the agent is down at start-up
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger produced = new AtomicInteger();
        List<StreamLineServer> servers = new ArrayList<>();
        try (StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, port).queueSize(200_000).build()).start()) {
            Thread producer = new Thread(() -> {
                for (int i = 0; producing.get(); i++) {
                    if (!connector.offer("seq." + i + ":1|c")) {
                        throw new AssertionError("line " + i + " refused");
                    }
                    produced.incrementAndGet();
                    if (i % 10 == 9) {
                        LockSupport.parkNanos(1_000_000);
                    }
                }
            }, "test-producer");
            producer.start();

            awaitProduced(produced, 2_000); // queued while nobody listens
            servers.add(StreamLineServer.tcp(port));
            servers.get(0).awaitLines(4_000, WAIT); // the backlog and then live lines
            servers.get(0).stopGracefully(WAIT);
            awaitProduced(produced, produced.get() + 2_000); // queued while the agent is away
            servers.add(StreamLineServer.tcp(port));
            servers.get(1).awaitLines(4_000, WAIT);
            producing.set(false);
            producer.join();
            servers.get(1).awaitLines(produced.get() - servers.get(0).lineCount(), WAIT);

            List<String> received = new ArrayList<>(servers.get(0).lines());
            received.addAll(servers.get(1).lines());
            assertThat(received).isEqualTo(numbered("seq", 0, produced.get()));
            assertThat(servers.get(0).lineCount()).as("lines sent before the restart").isPositive();
            assertThat(connector.reconnects()).isPositive();
            ConnectorTestSupport.awaitSent(connector, produced.get());
            assertThat(connector.sent()).isEqualTo(produced.get());
            assertThat(connector.dropped("queue_full") + connector.dropped("send_error") + connector.dropped("closed"))
                    .isZero();
        } finally {
            producing.set(false);
            for (StreamLineServer server : servers) {
                server.close();
            }
        }
    }

    @Test
    void anAgentThatClosedTheConnectionDoesNotSwallowTheNextBatch() throws Exception {
        try (StreamLineServer server = StreamLineServer.tcp();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.port()).build()).start()) {
            offerAll(connector, numbered("before", 0, 50));
            server.awaitLines(50, WAIT);

            server.closeConnections(); // the agent restarts its side while the connector is idle
            offerAll(connector, numbered("after", 0, 50));
            server.awaitLines(100, WAIT);

            List<String> expected = new ArrayList<>(numbered("before", 0, 50));
            expected.addAll(numbered("after", 0, 50));
            assertThat(server.lines()).containsExactlyElementsOf(expected);
            assertThat(server.connectionCount()).isEqualTo(2);
            assertThat(connector.reconnects()).isEqualTo(1);
        }
    }

    /**
     * The agent reads a little, then resets the connection while the connector is blocked in the
     * middle of a batch. What sat in the dead connection's buffers is lost with it (those lines count
     * as sent); the rest goes to the next connection starting with a whole line, nothing twice.
     */
    @Test
    @Timeout(180)
    void aWriteCutShortByTheAgentGoesOnWithWholeLinesOnTheNextConnection() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 200_000; i++) { // 20 MB: more than the socket buffers hold
                lines.add("cut." + i + "." + "x".repeat(80) + ":1|c");
            }
            StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.getLocalPort())
                    .queueSize(lines.size()).build());
            offerAll(connector, lines);
            connector.start();

            List<String> firstLines;
            try (Socket first = server.accept()) {
                String head = new String(first.getInputStream().readNBytes(1000), StandardCharsets.UTF_8);
                firstLines = List.of(head.substring(0, head.lastIndexOf('\n')).split("\n"));
                // the sender is in the middle of 20 MB, far beyond the socket buffers: the reset cuts a batch short
                first.setSoLinger(true, 0); // reset, dropping everything unread
            }
            List<String> secondLines = new ArrayList<>();
            try (Socket second = server.accept()) {
                Thread reader = new Thread(() -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8))) {
                        in.lines().forEach(secondLines::add);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "test-second-connection");
                reader.start();
                connector.close(); // flushes the rest, then hangs up
                reader.join(Duration.ofMinutes(2).toMillis());
            }

            assertThat(firstLines).containsExactlyElementsOf(lines.subList(0, firstLines.size()));
            int resumedAt = lines.indexOf(secondLines.get(0));
            assertThat(resumedAt).as("first line on the new connection, whole and not sent before")
                    .isGreaterThanOrEqualTo(firstLines.size());
            assertThat(secondLines).isEqualTo(lines.subList(resumedAt, lines.size()));
            assertThat(connector.sent()).isEqualTo(lines.size());
            assertThat(connector.reconnects()).isEqualTo(1);
        }
    }

    @Test
    void offersBeyondCapacityAreDroppedAndCountedWhileTheAgentIsDown() throws Exception {
        try (StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, freeTcpPort()).queueSize(100).build())
                .start()) {
            int accepted = 0;
            for (int i = 0; i < 137; i++) {
                accepted += connector.offer("overflow." + i + ":1|c") ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(100);
            assertThat(connector.dropped("queue_full")).isEqualTo(37);
            assertThat(connector.queued()).isEqualTo(100);
        }
    }

    @Test
    void offersBeyondCapacityAreDroppedAndCountedBeforeStart() {
        try (StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, 9).queueSize(10).build())) {
            for (int i = 0; i < 25; i++) {
                connector.accept("early." + i + ":1|c");
            }
            assertThat(connector.dropped("queue_full")).isEqualTo(15);
            assertThat(connector.queued()).isEqualTo(10);
        }
    }

    @Test
    void closeFlushesEveryQueuedLine() throws Exception {
        try (StreamLineServer server = StreamLineServer.tcp()) {
            StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.port()).build());
            List<String> lines = numbered("flush", 0, 8_000);
            offerAll(connector, lines);
            connector.start().close();

            assertThat(connector.sent()).isEqualTo(lines.size());
            assertThat(connector.queued()).isZero();
            server.awaitLines(lines.size(), WAIT);
            assertThat(server.lines()).isEqualTo(lines);
            assertThat(connector.dropped("closed")).isZero();
        }
    }

    /** With a close timeout far beyond the test's own time-out, only a close that does not wait can pass. */
    @Test
    void closeDoesNotWaitForAnAgentThatIsDownAndCountsTheUnsentLines() throws Exception {
        StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, freeTcpPort())
                .closeTimeout(Duration.ofHours(1)).build()).start();
        offerAll(connector, numbered("lost", 0, 10));

        connector.close();
        connector.close();

        assertThat(connector.dropped("closed")).isEqualTo(10);
        assertThat(connector.queued()).isZero();
        assertThat(connector.offer("late:1|c")).isFalse();
        assertThat(connector.dropped("closed")).isEqualTo(11);
    }

    /** The agent never reads: close must give up at its timeout (well within the test's) and count what is left. */
    @Test
    void closeGivesUpAtTheTimeoutWhenTheAgentStopsReading() throws Exception {
        try (ServerSocket stalled = stalledAgent()) {
            int lines = 400_000; // 40 MB: more than any socket buffers hold
            StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, stalled.getLocalPort())
                    .queueSize(lines).closeTimeout(Duration.ofMillis(300)).build()).start();
            offerAll(connector, stalledLines(lines));

            connector.close();

            assertThat(connector.dropped("closed")).isPositive();
            assertThat(connector.sent() + connector.dropped("closed")).isEqualTo(lines);
            assertThat(connector.queued()).isZero();
        }
    }

    /** Until its timeout, close keeps sending to an agent that is slow: once it reads, everything arrives. */
    @Test
    void closeKeepsFlushingToASlowAgentUntilItsTimeout() throws Exception {
        try (ServerSocket slow = stalledAgent()) {
            int lines = 400_000;
            StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, slow.getLocalPort())
                    .queueSize(lines).closeTimeout(Duration.ofMinutes(10)).build()).start();
            offerAll(connector, stalledLines(lines));
            Thread closing = new Thread(connector::close, "test-close");
            closing.start();
            StreamLineServer.await(() -> connector.toString().endsWith(", CLOSED]"), WAIT, connector::toString);

            long received;
            try (Socket agent = slow.accept()) { // only now does the agent read
                received = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8))
                        .lines().count();
            }
            closing.join(WAIT.toMillis());

            assertThat(closing.isAlive()).as("close still running").isFalse();
            assertThat(received).isEqualTo(lines);
            assertThat(connector.sent()).isEqualTo(lines);
            assertThat(connector.dropped("closed")).isZero();
        }
    }

    /** Offering never waits for the sender: a full backlog for an absent agent is taken at once, all of it queued. */
    @Test
    void offersAreQueuedWithoutWaitingWhileTheAgentIsDown() throws Exception {
        try (StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, freeTcpPort()).queueSize(40_000).build())
                .start()) {
            for (String line : numbered("queued", 0, 40_000)) {
                assertThat(connector.offer(line)).as(line).isTrue();
            }
            assertThat(connector.queued()).isEqualTo(40_000);
            assertThat(connector.sent()).isZero();
            assertThat(connector.offer("one.more:1|c")).isFalse();
            assertThat(connector.dropped("queue_full")).isEqualTo(1);
        }
    }

    @Test
    void reconnectEveryRotatesTheConnectionWithoutLosingALine() throws Exception {
        try (StreamLineServer server = StreamLineServer.tcp();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.port())
                     .reconnectEvery(Duration.ofMillis(50)).build()).start()) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; server.connectionCount() < 3; i++) { // one line at a time, until it rotated twice
                String line = "rotate." + i + ":1|c";
                connector.offer(line);
                sent.add(line);
                server.awaitLines(sent.size(), WAIT);
                LockSupport.parkNanos(1_000_000);
            }

            assertThat(server.lines()).containsExactlyElementsOf(sent);
            assertThat(connector.reconnects()).isEqualTo(server.connectionCount() - 1);
        }
    }

    private static void awaitProduced(AtomicInteger produced, int count) {
        StreamLineServer.await(() -> produced.get() >= count, WAIT, () -> "produced " + produced.get() + " of " + count);
    }

    /** A listening socket that never accepts nor reads (until a test accepts it), with small buffers. */
    private static ServerSocket stalledAgent() throws IOException {
        ServerSocket stalled = new ServerSocket();
        stalled.setReceiveBufferSize(4096);
        stalled.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return stalled;
    }

    private static List<String> stalledLines(int count) {
        String line = "stalled.agent." + "x".repeat(80) + ":1|c";
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(line);
        }
        return lines;
    }
}
