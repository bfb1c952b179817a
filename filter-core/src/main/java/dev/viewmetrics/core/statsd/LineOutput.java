package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Statistic;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where the meters of a {@link StatsdLineRegistry} write their lines: into the ring of a {@link StatsdConnector}
 * sink as bytes (nothing allocated), or as text into any other sink; guarded so that a fault while formatting or
 * handing over a line is counted and logged once, and never reaches the thread that recorded.
 */
final class LineOutput {

    private static final Logger LOG = System.getLogger(StatsdLineRegistry.class.getName());

    private final Consumer<String> sink;
    /** The connector's ring when the sink is a connector, else {@code null}. */
    private final LineRing ring;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicBoolean logged = new AtomicBoolean();

    LineOutput(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ring = sink instanceof StatsdConnector connector ? connector.ring() : null;
    }

    void count(FlavorLineBuilder lines, long amount, Statistic statistic) {
        try {
            if (ring != null) {
                lines.count(ring, amount, statistic);
            } else {
                sink.accept(lines.count(amount, statistic));
            }
        } catch (RuntimeException e) {
            fault("writing a count line", e);
        }
    }

    void gauge(FlavorLineBuilder lines, double value, Statistic statistic) {
        try {
            if (ring != null) {
                lines.gauge(ring, value, statistic);
            } else {
                sink.accept(lines.gauge(value, statistic));
            }
        } catch (RuntimeException e) {
            fault("writing a gauge line", e);
        }
    }

    void timing(FlavorLineBuilder lines, long nanos) {
        try {
            if (ring != null) {
                lines.timing(ring, nanos);
            } else {
                sink.accept(lines.timingText(nanos));
            }
        } catch (RuntimeException e) {
            fault("writing a timing line", e);
        }
    }

    void histogram(FlavorLineBuilder lines, double amount) {
        try {
            if (ring != null) {
                lines.histogram(ring, amount);
            } else {
                sink.accept(lines.histogram(amount));
            }
        } catch (RuntimeException e) {
            fault("writing a histogram line", e);
        }
    }

    /** Counts {@code fault}; the first one is logged with its stack trace, later ones are only counted. */
    void fault(String doing, RuntimeException fault) {
        errors.incrementAndGet();
        if (logged.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "viewmetrics: fault while " + doing + "; the line is lost, the recording thread "
                    + "was not affected (further faults are only counted as viewmetrics.statsd.errors)", fault);
        }
    }

    long errors() {
        return errors.get();
    }
}
