package dev.viewmetrics.spring.testing;

import dev.viewmetrics.core.testing.UdpReceiver;

import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A StatsD agent for tests (filter-core's real UDP receiver), with lookups by route for the adapter's tests. */
public final class UdpAgent implements AutoCloseable {

    /** The path {@link EndMarkerController} answers, relative to the application. */
    public static final String END_MARKER = UdpReceiver.END_MARKER;

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

    /** Sends the end marker and returns what arrived before it: see {@link UdpReceiver#linesBeforeEndMarker}. */
    public List<String> linesBeforeEndMarker(UdpReceiver.EndMarker marker) throws Exception {
        return receiver.linesBeforeEndMarker(marker);
    }

    /**
     * Forgets every line received before the end marker: lines of earlier tests (a shared agent) cannot then
     * satisfy this one's expectations.
     */
    public void startAfterEndMarker(UdpReceiver.EndMarker marker) throws Exception {
        linesBeforeEndMarker(marker);
        receiver.clear();
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
