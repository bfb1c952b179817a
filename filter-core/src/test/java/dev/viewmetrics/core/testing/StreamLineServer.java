package dev.viewmetrics.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real line server for connector tests, on TCP (127.0.0.1) or a Unix-domain socket: accepts
 * connections and records the newline-terminated lines of each, in arrival order. It can be stopped
 * gracefully (it stops listening and half-closes every connection, then reads until the client
 * hangs up, so nothing the client wrote is lost) and started again on the same address.
 */
public final class StreamLineServer implements AutoCloseable {

    private final ServerSocketChannel listener;
    private final SocketAddress address;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private StreamLineServer(ServerSocketChannel listener) throws IOException {
        this.listener = listener;
        this.address = listener.getLocalAddress();
        this.acceptor = new Thread(this::acceptLoop, "test-line-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A TCP server on 127.0.0.1 at a free port. */
    public static StreamLineServer tcp() throws IOException {
        return tcp(0);
    }

    /** A TCP server on 127.0.0.1 at {@code port} (0: any free port), reusing the address of a previous run. */
    public static StreamLineServer tcp(int port) throws IOException {
        return tcp(InetAddress.getLoopbackAddress(), port);
    }

    /** A TCP server on {@code address} (an IPv4 one) at {@code port} (0: any free port), reusing the address. */
    public static StreamLineServer tcp(InetAddress address, int port) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(new InetSocketAddress(address, port));
        return new StreamLineServer(channel);
    }

    /** A Unix-domain stream server at {@code path}, replacing a stale socket file. */
    public static StreamLineServer uds(Path path) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        return new StreamLineServer(channel);
    }

    public int port() {
        return ((InetSocketAddress) address).getPort();
    }

    public int connectionCount() {
        return connections.size();
    }

    /** @return every line received, connection after connection */
    public List<String> lines() {
        List<String> all = new ArrayList<>();
        for (Connection connection : connections) {
            synchronized (connection.lines) {
                all.addAll(connection.lines);
            }
        }
        return all;
    }

    /** @return how many lines arrived so far */
    public int lineCount() {
        return connections.stream().mapToInt(c -> c.lines.size()).sum();
    }

    /** @return bytes received after the last newline of a connection that ended (should stay 0) */
    public int unterminatedBytes() {
        return connections.stream().mapToInt(c -> c.unterminated).sum();
    }

    /** Waits until at least {@code count} lines arrived. */
    public void awaitLines(int count, Duration timeout) {
        await(() -> lineCount() >= count, timeout,
                () -> "expected " + count + " lines, got " + lineCount());
    }

    /**
     * Waits until {@code count} connections (at least) have been accepted and every accepted one has ended, so that
     * every line sent on them has been read. The count matters: a connection the client made and closed may not
     * have been accepted yet.
     */
    public void awaitConnectionsEnded(long count, Duration timeout) {
        await(() -> connections.size() >= count && connections.stream().noneMatch(c -> c.reader.isAlive()), timeout,
                () -> connections.size() + " of " + count + " connections accepted, "
                        + connections.stream().filter(c -> c.reader.isAlive()).count() + " still open");
    }

    /**
     * Closes every accepted connection from the server side while still listening, as an agent
     * that restarts its workers would. Call it when the client is idle: bytes in flight are lost.
     */
    public void closeConnections() throws IOException {
        for (Connection connection : connections) {
            connection.channel.close();
        }
        awaitConnectionsEnded(connections.size(), Duration.ofSeconds(5));
    }

    /**
     * Stops listening, half-closes every connection and reads each until the client closes it
     * (at most {@code timeout}), so that every byte the client wrote is received.
     */
    public void stopGracefully(Duration timeout) throws IOException {
        listener.close();
        for (Connection connection : connections) {
            try {
                connection.channel.shutdownOutput();
            } catch (IOException alreadyGone) {
                // the reader sees the end too
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Connection connection : connections) {
            join(connection.reader, deadline);
        }
        close();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Connection connection : connections) {
            connection.channel.close();
        }
        join(acceptor, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        for (Connection connection : connections) {
            join(connection.reader, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            Files.deleteIfExists(unix.getPath());
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                SocketChannel channel = listener.accept();
                Connection connection = new Connection(channel, connections.size());
                // started before it is listed: a listed connection whose reader is not alive has been read to its end
                connection.reader.start();
                connections.add(connection);
            }
        } catch (IOException closed) {
            // listener closed: stop accepting
        }
    }

    private static void join(Thread thread, long deadlineNanos) {
        try {
            long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            thread.join(Math.max(1, left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + ": " + failure.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static final class Connection {
        final SocketChannel channel;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final Thread reader;
        volatile int unterminated;

        Connection(SocketChannel channel, int index) {
            this.channel = channel;
            this.reader = new Thread(this::read, "test-line-server-conn-" + index);
            reader.setDaemon(true);
        }

        private void read() {
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                while (channel.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        byte b = buffer.get();
                        if (b == '\n') {
                            lines.add(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(b);
                        }
                    }
                    buffer.clear();
                }
            } catch (IOException closedOrReset) {
                // the connection ended
            } finally {
                unterminated = line.size();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }
}
