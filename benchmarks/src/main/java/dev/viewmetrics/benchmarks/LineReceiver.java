package dev.viewmetrics.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmark fixture: a StatsD agent that only counts the lines it receives, on 127.0.0.1, over UDP (one thread
 * reading datagrams of newline-separated lines) or TCP (one thread per connection reading a newline-terminated
 * stream). It runs inside the benchmark JVM so that what a client offered can be compared with what arrived.
 */
abstract class LineReceiver implements AutoCloseable {

    /** Asked of the kernel for the UDP receive buffer; Linux caps it at {@code net.core.rmem_max}. */
    static final int RECEIVE_BUFFER = 8 * 1024 * 1024;

    final AtomicLong lines = new AtomicLong();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    volatile boolean closed;
    /** {@link System#nanoTime()} when the line count last grew, as seen by {@link #awaitQuiet}. */
    volatile long lastLineAt = System.nanoTime();

    static LineReceiver start(String protocol) throws IOException {
        switch (protocol) {
            case "udp":
                return new Udp();
            case "tcp":
                return new Tcp();
            default:
                throw new IllegalArgumentException("protocol must be udp or tcp, was " + protocol);
        }
    }

    abstract int port();

    /** Lines received so far. */
    long lines() {
        return lines.get();
    }

    /** Waits until no line has arrived for {@code quietMillis} (or {@code maxMillis} passed); returns the count. */
    long awaitQuiet(long quietMillis, long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        long last = lines();
        long lastChange = System.currentTimeMillis();
        lastLineAt = System.nanoTime();
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            long now = lines();
            if (now != last) {
                last = now;
                lastChange = System.currentTimeMillis();
                lastLineAt = System.nanoTime();
            } else if (System.currentTimeMillis() - lastChange >= quietMillis) {
                break;
            }
        }
        return lines();
    }

    void spawn(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    void joinAll() {
        try {
            for (Thread thread : threads) {
                thread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public abstract void close() throws IOException;

    /** Lines in {@code length} bytes of newline-separated lines (a last line may lack its newline). */
    static int countLines(byte[] bytes, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return length > 0 && bytes[length - 1] != '\n' ? count + 1 : count;
    }

    /** Datagrams of lines separated (and possibly terminated) by newlines. */
    static final class Udp extends LineReceiver {
        private final DatagramChannel channel;
        final int receiveBuffer;

        Udp() throws IOException {
            channel = DatagramChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            receiveBuffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
            spawn("bench-udp-receiver", this::receive);
        }

        @Override
        int port() {
            return ((InetSocketAddress) channel.socket().getLocalSocketAddress()).getPort();
        }

        private void receive() {
            ByteBuffer buffer = ByteBuffer.allocate(65_536);
            try {
                while (!closed) {
                    buffer.clear();
                    channel.receive(buffer);
                    lines.addAndGet(countLines(buffer.array(), buffer.position()));
                }
            } catch (ClosedChannelException expected) {
                // closed
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            channel.close();
            joinAll();
        }

        @Override
        public String toString() {
            return "udp://127.0.0.1:" + port() + " (SO_RCVBUF " + receiveBuffer + " bytes)";
        }
    }

    /** A newline-terminated stream per connection; a line cut at the end of a connection still counts. */
    static final class Tcp extends LineReceiver {
        private final ServerSocketChannel server;
        private final List<SocketChannel> connections = new CopyOnWriteArrayList<>();
        final AtomicInteger accepted = new AtomicInteger();

        Tcp() throws IOException {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            spawn("bench-tcp-acceptor", this::accept);
        }

        @Override
        int port() {
            return ((InetSocketAddress) server.socket().getLocalSocketAddress()).getPort();
        }

        private void accept() {
            try {
                while (!closed) {
                    SocketChannel connection = server.accept();
                    connections.add(connection);
                    int n = accepted.incrementAndGet();
                    spawn("bench-tcp-receiver-" + n, () -> read(connection));
                }
            } catch (ClosedChannelException expected) {
                // closed
            } catch (IOException e) {
                if (!closed) {
                    e.printStackTrace();
                }
            }
        }

        private void read(SocketChannel connection) {
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            byte last = '\n';
            try {
                int read;
                while ((read = connection.read(buffer)) >= 0) {
                    if (read > 0) {
                        int newlines = 0;
                        byte[] bytes = buffer.array();
                        for (int i = 0; i < read; i++) {
                            if (bytes[i] == '\n') {
                                newlines++;
                            }
                        }
                        last = bytes[read - 1];
                        lines.addAndGet(newlines);
                    }
                    buffer.clear();
                }
            } catch (IOException e) {
                if (!closed) {
                    System.out.println("# tcp receiver: connection ended: " + e);
                }
            } finally {
                if (last != '\n') {
                    lines.incrementAndGet(); // the unterminated last line of the stream
                }
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            server.close();
            for (SocketChannel connection : connections) {
                connection.close();
            }
            joinAll();
        }

        @Override
        public String toString() {
            return "tcp://127.0.0.1:" + port() + " (" + accepted.get() + " connection(s) accepted)";
        }
    }
}
