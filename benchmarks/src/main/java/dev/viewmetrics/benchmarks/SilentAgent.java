package dev.viewmetrics.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark fixture: a StatsD agent on a UDP port of 127.0.0.1 that reads only when asked ({@link #receive}) and
 * otherwise nothing, so that a connector sending to it costs the measured JVM no more than the sender's system calls:
 * what the socket's receive buffer cannot hold the kernel drops. Setup reads the first lines to check what a
 * benchmark writes; from then on nobody reads.
 */
final class SilentAgent implements AutoCloseable {

    private final DatagramChannel channel;
    private final ByteBuffer packet = ByteBuffer.allocate(65_536);

    SilentAgent() throws IOException {
        channel = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
    }

    int port() {
        return ((InetSocketAddress) channel.socket().getLocalSocketAddress()).getPort();
    }

    /** Reads until {@code count} lines arrived or {@code timeoutMillis} passed; returns those lines. */
    List<String> receive(int count, long timeoutMillis) throws IOException {
        List<String> lines = new ArrayList<>();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (lines.size() < count) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || selector.select(left) == 0) {
                    break;
                }
                selector.selectedKeys().clear();
                packet.clear();
                while (channel.receive(packet) != null) {
                    String text = new String(packet.array(), 0, packet.position(), StandardCharsets.UTF_8);
                    lines.addAll(List.of(text.split("\n")));
                    packet.clear();
                }
            }
            channel.keyFor(selector).cancel();
            selector.selectNow();
        }
        return lines;
    }

    /** Reads and forgets whatever is waiting. */
    void drain() throws IOException {
        packet.clear();
        while (channel.receive(packet) != null) {
            packet.clear();
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
