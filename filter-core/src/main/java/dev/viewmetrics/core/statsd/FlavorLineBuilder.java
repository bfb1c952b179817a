package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.statsd.StatsdLineBuilder;

import java.util.EnumMap;
import java.util.Map;

/**
 * The line builder of one meter, backed by a {@link LineFormat}: name and tags are rendered once per meter, so
 * writing a line costs one string. {@link StatsdLineRegistry} creates one per meter; it also fits Micrometer's
 * {@code StatsdMeterRegistry} as its {@code lineBuilder}.
 */
public final class FlavorLineBuilder implements StatsdLineBuilder {

    private final LineFormat format;
    private final Meter.Id id;
    private final Rendered main;
    private final Map<Statistic, Rendered> secondary = new EnumMap<>(Statistic.class);

    FlavorLineBuilder(LineFormat format, Meter.Id id) {
        this.format = format;
        this.id = id;
        this.main = new Rendered(format.head(id, null), format.tail(id, null));
    }

    @Override
    public String count(long amount, Statistic stat) {
        Rendered parts = parts(stat, Statistic.COUNT);
        return new StringBuilder(parts.length + 24).append(parts.head).append(amount).append("|c")
                .append(parts.tail).toString();
    }

    @Override
    public String gauge(double amount, Statistic stat) {
        return parts(stat, Statistic.VALUE).line(amount, "|g");
    }

    /** The flavor's distribution line: {@code |h}, or {@code |ms} for etsy (see {@link EtsyLineFormat}). */
    @Override
    public String histogram(double amount) {
        return main.line(amount, format.histogramType());
    }

    @Override
    public String timing(double timeMs) {
        return main.line(timeMs, "|ms");
    }

    private Rendered parts(Statistic stat, Statistic mainStatistic) {
        if (stat == mainStatistic) {
            return main;
        }
        synchronized (secondary) {
            return secondary.computeIfAbsent(stat, s -> new Rendered(format.head(id, s), format.tail(id, s)));
        }
    }

    /** A meter's rendered name and tags around the value. */
    private static final class Rendered {
        final String head;
        final String tail;
        final int length;

        Rendered(String head, String tail) {
            this.head = head;
            this.tail = tail;
            this.length = head.length() + tail.length();
        }

        String line(double amount, String type) {
            StringBuilder out = new StringBuilder(length + 28).append(head);
            WireText.appendNumber(out, amount);
            return out.append(type).append(tail).toString();
        }
    }
}
