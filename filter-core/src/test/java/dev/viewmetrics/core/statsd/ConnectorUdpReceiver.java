package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.testing.StreamLineServer;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real UDP receiver on 127.0.0.1 for connector tests: records every datagram it gets. */
final class ConnectorUdpReceiver implements AutoCloseable {

    private final DatagramSocket socket;
    private final List<byte[]> packets = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ConnectorUdpReceiver(int port) throws SocketException {
        socket = new DatagramSocket(null);
        socket.setReuseAddress(true);
        socket.setReceiveBufferSize(4 * 1024 * 1024);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        reader = new Thread(this::receive, "test-udp-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    /** A receiver on a free port. */
    static ConnectorUdpReceiver open() throws SocketException {
        return new ConnectorUdpReceiver(0);
    }

    /** A receiver on {@code port}. */
    static ConnectorUdpReceiver open(int port) throws SocketException {
        return new ConnectorUdpReceiver(port);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return the payloads received, in order */
    List<byte[]> packets() {
        return packets;
    }

    /** @return the lines of every packet, in order */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (byte[] packet : packets) {
            lines.addAll(Arrays.asList(new String(packet, StandardCharsets.UTF_8).split("\n", -1)));
        }
        return lines;
    }

    void awaitLines(int count, Duration timeout) {
        StreamLineServer.await(() -> lines().size() >= count, timeout,
                () -> "expected " + count + " lines, got " + lines().size());
    }

    private void receive() {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (true) {
                packet.setLength(buffer.length);
                socket.receive(packet);
                packets.add(Arrays.copyOf(buffer, packet.getLength()));
            }
        } catch (IOException closed) {
            // socket closed
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        reader.join(5_000);
    }
}
