package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.statsd.ConnectorCounters.Drop;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends StatsD lines to an agent over UDP, TCP or a Unix-domain socket without losing them while the
 * agent is away: lines wait as bytes in a bounded ring that recording threads write without a lock, one sender
 * thread reconnects with back-off and replays them in order, and every line that cannot be sent is counted by reason. Meant as the
 * line sink of a {@link StatsdLineRegistry} (or of Micrometer's {@code StatsdMeterRegistry}):
 *
 * <pre>{@code
 * StatsdConnector connector = new StatsdConnector(ConnectorSettings.from(settings::get)).start();
 * StatsdLineRegistry registry = new StatsdLineRegistry(format, connector, Duration.ofSeconds(10)).start();
 * }</pre>
 *
 * <p>Lifecycle: NEW (lines offered are queued) → {@link #start()} → STARTED → {@link #close()} →
 * CLOSED (lines offered are dropped, reason {@code closed}). Offering never blocks and never does I/O.
 */
public final class StatsdConnector implements Consumer<String>, MeterBinder, AutoCloseable {

    /** Name of the sender thread. */
    public static final String THREAD_NAME = "viewmetrics-statsd-sender";

    private static final Logger LOG = System.getLogger(StatsdConnector.class.getName());
    /** Extra time close() gives the sender past the close timeout before interrupting it. */
    private static final long CLOSE_GRACE_MILLIS = 1_000;

    private enum State { NEW, STARTED, CLOSED }

    private final ConnectorSettings settings;
    private final String target;
    private final ConnectorCounters counters;
    private final LineRing queue;
    private final ConnectorSender sender;
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;
    private Thread thread;

    /**
     * Creates a connector; nothing is opened or started until {@link #start()}.
     *
     * @param settings where and how to send
     */
    public StatsdConnector(ConnectorSettings settings) {
        this(settings, ConnectorClock.SYSTEM, HostResolver.SYSTEM);
    }

    /** A connector scheduling by {@code clock} and resolving the agent's host with {@code resolver} (tests). */
    StatsdConnector(ConnectorSettings settings, ConnectorClock clock, HostResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.target = describe(settings);
        this.counters = new ConnectorCounters(target, clock);
        this.queue = new LineRing(settings.queueSize(), counters);
        this.sender = new ConnectorSender(queue, counters, transportFor(settings, resolver),
                new ConnectorBackoff(settings.reconnectMin(), settings.reconnectMax()), clock,
                settings.reconnectEvery(), target);
    }

    /**
     * Starts the daemon sender thread {@value #THREAD_NAME}, which connects and sends what is queued.
     * Calling it again does nothing.
     *
     * @return this connector
     * @throws IllegalStateException when the connector was closed
     */
    public StatsdConnector start() {
        synchronized (lifecycle) {
            if (state == State.CLOSED) {
                throw new IllegalStateException("StatsD connector to " + target + " is closed and cannot start again");
            }
            if (state == State.NEW) {
                thread = new Thread(sender, THREAD_NAME);
                thread.setDaemon(true);
                thread.start();
                state = State.STARTED;
            }
        }
        return this;
    }

    /**
     * Queues one StatsD line (without its trailing newline) for sending. Never blocks, never does I/O.
     *
     * @param line the line; {@code null} is ignored
     * @return true when queued; false when dropped and counted (queue full, or connector closed)
     */
    public boolean offer(String line) {
        return line != null && queue.offer(line);
    }

    /** The ring lines are written into: {@link StatsdLineRegistry}'s meters write their lines there as bytes. */
    LineRing ring() {
        return queue;
    }

    /**
     * Same as {@link #offer(String)}; lets the connector be a Micrometer line sink.
     *
     * @param line the line
     */
    @Override
    public void accept(String line) {
        offer(line);
    }

    /**
     * Registers the connector's own meters: {@code viewmetrics.statsd.sent},
     * {@code viewmetrics.statsd.dropped} (tag {@code reason}: {@code queue_full}, {@code send_error},
     * {@code closed}), {@code viewmetrics.statsd.queued} and {@code viewmetrics.statsd.reconnects}.
     * A registry that refuses them is logged, never thrown into the caller.
     *
     * @param registry where to register
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        try {
            FunctionCounter.builder("viewmetrics.statsd.sent", this, StatsdConnector::sent)
                    .description("StatsD lines handed to the agent").baseUnit("lines").register(registry);
            for (Drop drop : Drop.values()) {
                FunctionCounter.builder("viewmetrics.statsd.dropped", this, c -> c.counters.dropped(drop))
                        .description("StatsD lines that were never sent").baseUnit("lines")
                        .tag("reason", drop.tag()).register(registry);
            }
            Gauge.builder("viewmetrics.statsd.queued", this, StatsdConnector::queued)
                    .description("StatsD lines waiting to be sent").baseUnit("lines").register(registry);
            FunctionCounter.builder("viewmetrics.statsd.reconnects", this, StatsdConnector::reconnects)
                    .description("Connections to the StatsD agent opened again after the first").register(registry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not register the StatsD connector's own meters", e);
        }
    }

    /**
     * Sends what is queued while the agent is reachable, for at most the close timeout, then stops
     * the sender thread. Without a connection it tries once more at once, and does not wait for an
     * agent that does not answer. Lines still unsent are counted as dropped ({@code closed}).
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        State was;
        synchronized (lifecycle) {
            was = state;
            if (was == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        queue.close();
        if (was == State.STARTED) {
            long timeoutMillis = settings.closeTimeout().toMillis();
            sender.stop(System.nanoTime() + settings.closeTimeout().toNanos());
            if (!join(timeoutMillis + CLOSE_GRACE_MILLIS)) {
                thread.interrupt();
                if (!join(CLOSE_GRACE_MILLIS)) {
                    LOG.log(Level.WARNING, "StatsD sender thread to {0} did not stop", target);
                }
            }
        }
        queue.terminate(); // nobody is left to send what is still queued, or what a writer still publishes
    }

    private boolean join(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** {@return lines sent to the agent so far (for UDP: handed to the network)} */
    public long sent() {
        return counters.sent();
    }

    /**
     * Counts the lines dropped for one reason.
     *
     * @param reason {@code queue_full}, {@code send_error} or {@code closed}
     * @return lines dropped for that reason so far
     * @throws IllegalArgumentException for any other reason
     */
    public long dropped(String reason) {
        return counters.dropped(Drop.ofTag(reason));
    }

    /** {@return lines accepted and not yet sent (queued, or held by the sender for the next write)} */
    public int queued() {
        return queue.size() + sender.held();
    }

    /** {@return connections opened again after the first one (lost, or rotated by reconnect-every)} */
    public long reconnects() {
        return counters.reconnects();
    }

    /** {@return the settings this connector was built with} */
    public ConnectorSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "StatsdConnector[" + target + ", " + state + "]";
    }

    private static Transport transportFor(ConnectorSettings settings, HostResolver resolver) {
        return switch (settings.protocol()) {
            case UDP -> new UdpTransport(settings.host(), settings.port(), settings.maxPacketSize(), resolver);
            case TCP -> TcpTransport.tcp(settings.host(), settings.port(), resolver);
            case UDS -> TcpTransport.uds(settings.host());
        };
    }

    private static String describe(ConnectorSettings settings) {
        return switch (settings.protocol()) {
            case UDP -> "udp://" + settings.host() + ":" + settings.port();
            case TCP -> "tcp://" + settings.host() + ":" + settings.port();
            case UDS -> "unix://" + settings.host();
        };
    }
}
