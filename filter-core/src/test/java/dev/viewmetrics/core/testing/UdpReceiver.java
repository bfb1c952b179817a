package dev.viewmetrics.core.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real UDP socket on 127.0.0.1 and a free port, collecting every StatsD line it receives. */
public final class UdpReceiver implements AutoCloseable {

    private final DatagramSocket socket;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;

    public UdpReceiver() throws SocketException {
        this(0);
    }

    /** A receiver on a given port (0: any free one). */
    public UdpReceiver(int port) throws SocketException {
        socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
        socket.setReceiveBufferSize(4 * 1024 * 1024);
        reader = new Thread(this::read, "test-udp-receiver");
        reader.setDaemon(true);
        reader.start();
    }

    /** The port lines are received on. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Waits for the first line matching {@code predicate}, keeping every line seen; fails after {@code timeout}. */
    public String await(Predicate<String> predicate, Duration timeout) throws InterruptedException {
        synchronized (seen) {
            for (String line : seen) {
                if (predicate.test(line)) {
                    return line;
                }
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line != null) {
                synchronized (seen) {
                    seen.add(line);
                }
                if (predicate.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no StatsD line matched within " + timeout + "; received: " + received());
    }

    /** Waits for a line starting with {@code prefix}. */
    public String awaitStartingWith(String prefix) throws InterruptedException {
        return await(line -> line.startsWith(prefix), Duration.ofSeconds(10));
    }

    /** Every line received so far (after draining what is pending for {@code settle}). */
    public List<String> received(Duration settle) throws InterruptedException {
        Thread.sleep(settle.toMillis());
        return received();
    }

    /** Forgets every line received so far. */
    public void clear() {
        synchronized (seen) {
            lines.drainTo(seen);
            seen.clear();
        }
    }

    private List<String> received() {
        synchronized (seen) {
            lines.drainTo(seen);
            return new ArrayList<>(seen);
        }
    }

    private void read() {
        byte[] buffer = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            String payload = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            for (String line : payload.split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
