package dev.viewmetrics.spring.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A StatsD agent for tests: a real UDP socket on 127.0.0.1 and a free port, keeping every line it receives. */
public final class UdpAgent implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DatagramSocket socket;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    public UdpAgent() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setReceiveBufferSize(4 * 1024 * 1024);
        reader = new Thread(this::read, "test-statsd-agent");
        reader.setDaemon(true);
        reader.start();
    }

    /** The port to send to. */
    public int port() {
        return socket.getLocalPort();
    }

    /** The first line (received so far or within 10 s) that matches, or an error listing what arrived. */
    public String await(Predicate<String> predicate) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (predicate.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no StatsD line matched within " + WAIT + "; received:\n"
                            + String.join("\n", lines));
                }
                lines.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** The {@code view.duration} line of {@code route} (the exact tag value, e.g. {@code /orders/{orderId}}). */
    public String duration(String route) throws InterruptedException {
        return await(line -> line.startsWith("view.duration:") && line.contains("#route:" + route + ","));
    }

    /** The {@code view.cpu} line of {@code route}. */
    public String cpu(String route) throws InterruptedException {
        return await(line -> line.startsWith("view.cpu:") && line.contains("#route:" + route + ","));
    }

    /** Every line matching {@code predicate} received so far, after waiting {@code settle} for stragglers. */
    public List<String> all(Predicate<String> predicate, Duration settle) throws InterruptedException {
        Thread.sleep(settle.toMillis());
        synchronized (lines) {
            return lines.stream().filter(predicate).toList();
        }
    }

    /** Forgets every line received so far. */
    public void clear() {
        synchronized (lines) {
            lines.clear();
        }
    }

    private void read() {
        byte[] buffer = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            String payload = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            synchronized (lines) {
                for (String line : payload.split("\n")) {
                    if (!line.isEmpty()) {
                        lines.add(line);
                    }
                }
                lines.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
