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

/**
 * A real UDP socket on 127.0.0.1 and a free port, collecting every StatsD line it receives, in arrival order.
 * Absence is proven with an end marker, never by waiting a while: make the code under test send a line known to
 * come after anything it could wrongly send (a later request, a line offered after it), then
 * {@link #linesUntil(Predicate)} returns what arrived before that marker.
 */
public final class UdpReceiver implements AutoCloseable {

    /**
     * The path the tests' applications answer as their end marker ({@link #linesBeforeEndMarker}): a request made
     * after the requests under test, whose lines come after theirs.
     */
    public static final String END_MARKER = "/endmarker";

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final DatagramSocket socket;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Every line taken from the socket so far, in order. */
    private final List<String> seen = new ArrayList<>();
    /** Where the lines after the last marker begin in {@link #seen}. */
    private int afterMarker;
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
        return next(predicate, timeout);
    }

    /** Waits for a line starting with {@code prefix}. */
    public String awaitStartingWith(String prefix) throws InterruptedException {
        return await(line -> line.startsWith(prefix), WAIT);
    }

    /**
     * Waits (up to 10 s) for the next line matching {@code marker} after the previous marker, and returns every line
     * that arrived between the two (since the start, or {@link #clear()}, for the first marker), without the marker.
     */
    public List<String> linesUntil(Predicate<String> marker) throws InterruptedException {
        synchronized (seen) {
            for (int i = afterMarker; i < seen.size(); i++) {
                if (marker.test(seen.get(i))) {
                    return segmentEndingAt(i);
                }
            }
        }
        next(marker, WAIT);
        synchronized (seen) {
            return segmentEndingAt(seen.size() - 1);
        }
    }

    /**
     * Sends the end marker request with {@code marker} (a request to {@value #END_MARKER}, made after the requests
     * under test) and returns every line received before the marker's {@code duration} line, since the previous
     * marker, without the marker's own lines (in any flavor: its route is folded into the name in etsy). A request
     * whose response was completed when its servlet returned was recorded before the client saw it, so before the
     * marker: whatever it should not have sent, it would have sent by then. A response the container completes
     * earlier (a redirect, {@code sendError}, a flushed body) can reach the client first: await such a request's
     * own line before this.
     */
    public List<String> linesBeforeEndMarker(EndMarker marker) throws Exception {
        marker.send();
        String name = END_MARKER.substring(1);
        List<String> before = new ArrayList<>(linesUntil(line -> line.contains(name) && line.contains("duration")));
        before.removeIf(line -> line.contains(name));
        return before;
    }

    /** Sends the end marker request; it fails when the marker is not answered. */
    @FunctionalInterface
    public interface EndMarker {
        void send() throws Exception;
    }

    /** Forgets every line received so far. */
    public void clear() {
        synchronized (seen) {
            lines.clear();
            seen.clear();
            afterMarker = 0;
        }
    }

    private List<String> segmentEndingAt(int markerIndex) {
        List<String> segment = new ArrayList<>(seen.subList(afterMarker, markerIndex));
        afterMarker = markerIndex + 1;
        return segment;
    }

    /** Takes lines from the socket until one matches, keeping them all; fails after {@code timeout}. */
    private String next(Predicate<String> predicate, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
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
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
