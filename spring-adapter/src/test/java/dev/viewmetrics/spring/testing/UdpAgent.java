package dev.viewmetrics.spring.testing;

import dev.viewmetrics.core.testing.UdpReceiver;

import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A StatsD agent for tests (filter-core's real UDP receiver), with lookups by route for the adapter's tests. */
public final class UdpAgent implements AutoCloseable {

    /** The path {@link EndMarkerController} answers, relative to the application. */
    public static final String END_MARKER = "/endmarker";

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final UdpReceiver receiver = new UdpReceiver();

    public UdpAgent() throws SocketException {
    }

    /** The port to send to. */
    public int port() {
        return receiver.port();
    }

    /** The first line (received so far or within 10 s) that matches, or an error listing what arrived. */
    public String await(Predicate<String> predicate) throws InterruptedException {
        return receiver.await(predicate, WAIT);
    }

    /** The {@code view.duration} line of {@code route} (the exact tag value, e.g. {@code /orders/{orderId}}). */
    public String duration(String route) throws InterruptedException {
        return await(line -> line.startsWith("view.duration:") && line.contains("#route:" + route + ","));
    }

    /** The {@code view.cpu} line of {@code route}. */
    public String cpu(String route) throws InterruptedException {
        return await(line -> line.startsWith("view.cpu:") && line.contains("#route:" + route + ","));
    }

    /**
     * Sends the end marker (a request to {@value #END_MARKER}, made after the requests under test) and returns
     * every line received before its duration line, since the previous marker, without the marker's own lines.
     * A request answered before the marker was recorded before it: what it should not have sent, it would have.
     */
    public List<String> linesBeforeEndMarker(Request marker) throws Exception {
        marker.send();
        List<String> lines = new ArrayList<>(receiver.linesUntil(
                line -> line.startsWith("view.duration:") && line.contains(END_MARKER + ",")));
        lines.removeIf(line -> line.contains(END_MARKER + ","));
        return lines;
    }

    /**
     * Forgets every line received before the end marker: lines of earlier tests (a shared agent) cannot then
     * satisfy this one's expectations.
     */
    public void startAfterEndMarker(Request marker) throws Exception {
        linesBeforeEndMarker(marker);
        receiver.clear();
    }

    /** A request that may fail. */
    @FunctionalInterface
    public interface Request {
        void send() throws Exception;
    }

    /** Forgets every line received so far. */
    public void clear() {
        receiver.clear();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
