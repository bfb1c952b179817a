package dev.viewmetrics.jaxrs.testing;

import dev.viewmetrics.core.testing.UdpReceiver;

import java.net.SocketException;
import java.time.Duration;
import java.util.List;

/** The StatsD agent of a test: filter-core's real UDP receiver, read by request line. */
public final class Agent implements AutoCloseable {

    /** The path of the end marker every test application serves (a plain servlet, so its route is this path). */
    public static final String END_MARKER = UdpReceiver.END_MARKER;

    private final UdpReceiver receiver = new UdpReceiver();

    public Agent() throws SocketException {
    }

    public int port() {
        return receiver.port();
    }

    /** The tags of the {@code view.duration} line of {@code route} (received so far or within 10 s). */
    public String request(String route) throws InterruptedException {
        return tags(receiver.await(line -> line.startsWith("view.duration:") && line.contains("|#route:" + route + ","),
                Duration.ofSeconds(10)));
    }

    /** The milliseconds of the {@code view.duration} line of {@code route}. */
    public double millis(String route) throws InterruptedException {
        String line = receiver.await(l -> l.startsWith("view.duration:") && l.contains("|#route:" + route + ","),
                Duration.ofSeconds(10));
        return Double.parseDouble(line.substring(line.indexOf(':') + 1, line.indexOf('|')));
    }

    /** Sends the end marker and returns what arrived before it: see {@link UdpReceiver#linesBeforeEndMarker}. */
    public List<String> linesBeforeEndMarker(UdpReceiver.EndMarker marker) throws Exception {
        return receiver.linesBeforeEndMarker(marker);
    }

    public void clear() {
        receiver.clear();
    }

    private static String tags(String line) {
        return line.substring(line.indexOf("|#") + 2);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
