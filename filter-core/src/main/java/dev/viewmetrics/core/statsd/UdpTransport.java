package dev.viewmetrics.core.statsd;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.channels.DatagramChannel;
import java.util.function.LongSupplier;

/**
 * Datagrams on a connected {@link DatagramChannel}: each batch is one packet of newline-separated
 * lines. A closed agent port (ICMP port unreachable, reported on a later send) fails that send but
 * leaves the channel usable.
 */
final class UdpTransport implements Transport {

    private final String host;
    private final int port;
    private final int maxPacketSize;
    private final HostResolver resolver;
    private DatagramChannel channel;

    UdpTransport(String host, int port, int maxPacketSize, HostResolver resolver) {
        this.host = host;
        this.port = port;
        this.maxPacketSize = maxPacketSize;
        this.resolver = resolver;
    }

    @Override
    public void open(LongSupplier deadline) throws IOException {
        close();
        DatagramChannel opened = DatagramChannel.open();
        try {
            opened.connect(Transport.resolve(resolver, host, port));
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e instanceof IOException io ? io : new IOException("cannot connect to " + host + ":" + port, e);
        }
        channel = opened;
    }

    @Override
    public boolean isOpen() {
        return channel != null;
    }

    @Override
    public int batchLimit() {
        return maxPacketSize + 1; // the last line's newline is not sent
    }

    @Override
    public boolean peerClosed() {
        return false;
    }

    @Override
    public void send(TransportBatch batch, LongSupplier deadline) throws IOException {
        channel.write(batch.datagram());
        batch.allWritten();
    }

    @Override
    public boolean keepsLinesOnFailure() {
        return false;
    }

    @Override
    public boolean survives(IOException failure) {
        return failure instanceof PortUnreachableException;
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
            channel = null;
        }
    }
}
