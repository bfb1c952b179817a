package dev.viewmetrics.core.statsd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.function.LongSupplier;

/**
 * One way of getting batches of lines to the agent, driven by the sender thread only. A transport
 * is opened again (resolving the agent's address afresh) after it failed or when the connection is
 * rotated.
 */
interface Transport extends AutoCloseable {

    /**
     * Opens a new connection to the agent, resolving its address again.
     *
     * @param deadline the {@link System#nanoTime()} instant to give up at; read again while waiting,
     *                 since a close request moves it
     */
    void open(LongSupplier deadline) throws IOException;

    boolean isOpen();

    /** @return the most bytes worth batching into one write, newlines included */
    int batchLimit();

    /**
     * Checks, without waiting, whether the agent closed the connection since the last write, so
     * that a restarted agent does not swallow the next batch.
     */
    boolean peerClosed();

    /**
     * Sends the batch, recording in it what was written (see {@link TransportBatch#written}).
     *
     * @param deadline as for {@link #open}
     * @throws IOException when the send failed; the batch tells which lines were written whole
     */
    void send(TransportBatch batch, LongSupplier deadline) throws IOException;

    /**
     * @return true when unsent lines outlive a failed send and go out on the next connection (streams);
     *         false when they are lost with the failed datagram
     */
    boolean keepsLinesOnFailure();

    /** @return true when a send failure leaves the transport usable (the agent's port was merely closed) */
    boolean survives(IOException failure);

    /** Closes the connection, if open; never throws. */
    @Override
    void close();

    /**
     * Resolves a host name now (never from a cached {@link InetSocketAddress}), so that every
     * reconnect follows DNS changes.
     */
    static InetSocketAddress resolve(HostResolver resolver, String host, int port) throws UnknownHostException {
        try {
            return new InetSocketAddress(resolver.resolve(host), port);
        } catch (UnknownHostException e) {
            UnknownHostException failure = new UnknownHostException("cannot resolve StatsD host " + host);
            failure.initCause(e);
            throw failure;
        }
    }

    /** @return whichever of two {@link System#nanoTime()} instants comes first */
    static long earlier(long a, long b) {
        return a - b < 0 ? a : b;
    }
}
