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

            Thread.sleep(300);
            servers.add(StreamLineServer.tcp(port));
            Thread.sleep(700);
            servers.get(0).stopGracefully(WAIT);
            Thread.sleep(2_000);
            servers.add(StreamLineServer.tcp(port));
            Thread.sleep(700);
            producing.set(false);
            producer.join();
            servers.get(1).awaitLines(produced.get() - servers.get(0).lineCount(), WAIT);

            List<String> received = new ArrayList<>(servers.get(0).lines());
            received.addAll(servers.get(1).lines());
            assertThat(received).isEqualTo(numbered("seq", 0, produced.get()));
            assertThat(servers.get(0).lineCount()).as("lines sent before the restart").isPositive();
            assertThat(connector.reconnects()).isPositive();
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
                Thread.sleep(200); // the sender is now blocked with a batch half written
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
                reader.join(10_000);
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

    @Test
    void closeDoesNotWaitForAnAgentThatIsDownAndCountsTheUnsentLines() throws Exception {
        StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, freeTcpPort()).build()).start();
        offerAll(connector, numbered("lost", 0, 10));

        long start = System.nanoTime();
        connector.close();
        connector.close();
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).as("close with a 5 s timeout, in ms").isLessThan(1_000);
        assertThat(connector.dropped("closed")).isEqualTo(10);
        assertThat(connector.queued()).isZero();
        assertThat(connector.offer("late:1|c")).isFalse();
        assertThat(connector.dropped("closed")).isEqualTo(11);
    }

    @Test
    void closeGivesUpAtTheTimeoutWhenTheAgentStopsReading() throws Exception {
        try (ServerSocket stalled = new ServerSocket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // never accepts, never reads
            int lines = 400_000; // 40 MB: more than any socket buffers hold
            String line = "stalled.agent." + "x".repeat(80) + ":1|c";
            StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, stalled.getLocalPort())
                    .queueSize(lines).closeTimeout(Duration.ofMillis(300)).build()).start();
            for (int i = 0; i < lines; i++) {
                connector.offer(line);
            }

            long start = System.nanoTime();
            connector.close();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(tookMillis).as("close with a 300 ms timeout, in ms").isBetween(250L, 1_000L);
            assertThat(connector.dropped("closed")).isPositive();
            assertThat(connector.sent() + connector.dropped("closed")).isEqualTo(lines);
        }
    }

    @Test
    void offerReturnsPromptlyWhileTheAgentIsDown() throws Exception {
        try (StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, freeTcpPort()).queueSize(40_000).build())
                .start()) {
            offerAll(connector, numbered("warm.up", 0, 20_000));
            List<String> lines = numbered("prompt", 0, 10_000);
            long start = System.nanoTime();
            for (String line : lines) {
                connector.offer(line);
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).as("10 000 offers, in ms").isLessThan(50);
            assertThat(connector.queued()).isEqualTo(30_000);
        }
    }

    @Test
    void reconnectEveryRotatesTheConnectionWithoutLosingALine() throws Exception {
        try (StreamLineServer server = StreamLineServer.tcp();
             StatsdConnector connector = new StatsdConnector(loopback(Protocol.TCP, server.port())
                     .reconnectEvery(Duration.ofMillis(150)).build()).start()) {
            List<String> lines = numbered("rotate", 0, 40);
            for (String line : lines) {
                connector.offer(line);
                Thread.sleep(20);
            }
            server.awaitLines(lines.size(), WAIT);

            assertThat(server.lines()).containsExactlyElementsOf(lines);
            assertThat(server.connectionCount()).isGreaterThanOrEqualTo(3);
            assertThat(connector.reconnects()).isEqualTo(server.connectionCount() - 1);
        }
    }
}
