package dev.viewmetrics.core.statsd;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A stream of newline-terminated lines on a {@link SocketChannel}: TCP, or a Unix-domain stream
 * socket, which speaks the same protocol. The channel is non-blocking so that connecting and
 * writing give up at a deadline; a partial write leaves the batch knowing exactly which lines went
 * out whole.
 */
final class TcpTransport implements Transport {

    /** Bytes batched into one write. */
    static final int BATCH_BYTES = 32 * 1024;
    static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** An agent that accepts nothing for this long is given up on, and the lines go to a new connection. */
    static final long WRITE_STALL_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Longest single wait, so that a deadline moved by a close request is noticed soon. */
    private static final long MAX_WAIT_MILLIS = 50;

    /** Produces the agent's address anew for every connection. */
    @FunctionalInterface
    interface AddressSource {
        SocketAddress address() throws IOException;
    }

    private final AddressSource source;
    private final ByteBuffer probe = ByteBuffer.allocate(256);
    private SocketChannel channel;
    private Selector selector;
    private SelectionKey key;

    private TcpTransport(AddressSource source) {
        this.source = source;
    }

    /** A TCP connection to {@code host:port}, resolving the host again on every connection. */
    static TcpTransport tcp(String host, int port, HostResolver resolver) {
        return new TcpTransport(() -> Transport.resolve(resolver, host, port));
    }

    /** A Unix-domain stream socket at {@code path}. */
    static TcpTransport uds(String path) {
        return new TcpTransport(() -> UnixDomainSocketAddress.of(path));
    }

    @Override
    public void open(LongSupplier deadline) throws IOException {
        close();
        SocketChannel opened = null;
        try {
            SocketAddress address = source.address();
            opened = SocketChannel.open(familyOf(address));
            opened.configureBlocking(false);
            if (address instanceof InetSocketAddress) {
                opened.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            selector = Selector.open();
            key = opened.register(selector, 0);
            if (!opened.connect(address)) {
                long timeout = System.nanoTime() + CONNECT_TIMEOUT_NANOS;
                key.interestOps(SelectionKey.OP_CONNECT);
                while (!opened.finishConnect()) {
                    await(timeout, deadline, "connect");
                }
                key.interestOps(0);
            }
            channel = opened;
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                quietly(opened);
            }
            close();
            throw e instanceof IOException io ? io : new IOException("cannot connect: " + e, e);
        }
    }

    @Override
    public boolean isOpen() {
        return channel != null;
    }

    @Override
    public int batchLimit() {
        return BATCH_BYTES;
    }

    @Override
    public boolean peerClosed() {
        try {
            int read;
            do {
                probe.clear();
                read = channel.read(probe); // StatsD agents send nothing; whatever they do is discarded
            } while (read > 0);
            return read < 0;
        } catch (IOException e) {
            return true; // reset by the peer
        }
    }

    @Override
    public void send(TransportBatch batch, LongSupplier deadline) throws IOException {
        ByteBuffer bytes = batch.unwritten();
        long stalledAt = System.nanoTime() + WRITE_STALL_NANOS;
        try {
            while (bytes.hasRemaining()) {
                if (channel.write(bytes) > 0) {
                    stalledAt = System.nanoTime() + WRITE_STALL_NANOS;
                } else {
                    key.interestOps(SelectionKey.OP_WRITE);
                    await(stalledAt, deadline, "write");
                    key.interestOps(0);
                }
            }
        } finally {
            batch.written(bytes.position());
        }
    }

    /** Waits a little for the channel to become ready; throws once the time-out or the deadline has passed. */
    private void await(long timeoutNanos, LongSupplier deadline, String what) throws IOException {
        long left = Transport.earlier(timeoutNanos, deadline.getAsLong()) - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException(what + " timed out");
        }
        selector.select(Math.max(1, Math.min(MAX_WAIT_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException(what + " interrupted");
        }
    }

    @Override
    public boolean keepsLinesOnFailure() {
        return true;
    }

    @Override
    public boolean survives(IOException failure) {
        return false;
    }

    @Override
    public void close() {
        if (channel != null) {
            quietly(channel);
            channel = null;
        }
        if (selector != null) {
            quietly(selector);
            selector = null;
        }
        key = null;
    }

    private static StandardProtocolFamily familyOf(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress) {
            return StandardProtocolFamily.UNIX;
        }
        InetSocketAddress inet = (InetSocketAddress) address;
        return inet.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing left to release
        }
    }
}
