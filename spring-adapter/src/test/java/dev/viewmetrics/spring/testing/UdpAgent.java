package dev.viewmetrics.spring.testing;

import dev.viewmetrics.core.testing.UdpReceiver;

import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** A StatsD agent for tests (filter-core's real UDP receiver), with lookups by route for the adapter's tests. */
public final class UdpAgent implements AutoCloseable {

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

    /** Every line matching {@code predicate} received so far, after waiting {@code settle} for stragglers. */
    public List<String> all(Predicate<String> predicate, Duration settle) throws InterruptedException {
        return receiver.received(settle).stream().filter(predicate).toList();
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
