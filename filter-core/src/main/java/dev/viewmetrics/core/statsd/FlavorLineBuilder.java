package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The lines of one meter, backed by a {@link LineFormat}: name and tags are rendered to bytes once per meter, so a
 * line is those bytes around a number. {@link StatsdLineRegistry} creates one per meter and has it write each line
 * straight into its connector's ring, formatting the number with integer arithmetic: nothing is allocated per line.
 * The {@code String} methods give the same lines as text.
 */
public final class FlavorLineBuilder {

    private static final byte[] COUNT = ascii("|c");
    private static final byte[] GAUGE = ascii("|g");
    private static final byte[] TIMING = ascii("|ms");

    private final LineFormat format;
    private final Meter.Id id;
    private final Rendered main;
    private final byte[] histogramType;
    private final Map<Statistic, Rendered> secondary = new EnumMap<>(Statistic.class);

    FlavorLineBuilder(LineFormat format, Meter.Id id) {
        this.format = format;
        this.id = id;
        this.main = new Rendered(format.head(id, null), format.tail(id, null));
        this.histogramType = ascii(format.histogramType());
    }

    /** A count line of the meter's main statistic: {@code name:3|c}. */
    public String count(long amount) {
        return count(amount, Statistic.COUNT);
    }

    /** A count line; a statistic other than {@code COUNT} is named in the line. */
    public String count(long amount, Statistic stat) {
        return parts(stat, Statistic.COUNT).text(whole(amount), 0, COUNT);
    }

    /** A gauge line of the meter's main statistic: {@code name:0.5|g}. */
    public String gauge(double amount) {
        return gauge(amount, Statistic.VALUE);
    }

    /** A gauge line; a statistic other than {@code VALUE} is named in the line. */
    public String gauge(double amount, Statistic stat) {
        return parts(stat, Statistic.VALUE).text(amount, GAUGE);
    }

    /** The flavor's distribution line: {@code |h}, or {@code |ms} for etsy (see {@link EtsyLineFormat}). */
    public String histogram(double amount) {
        return main.text(amount, histogramType);
    }

    /** A timing line in milliseconds: {@code name:12.5|ms}. */
    public String timing(double timeMs) {
        return main.text(timeMs, TIMING);
    }

    /** {@link #count(long, Statistic)} written into {@code ring}; false when the ring dropped it (counted). */
    boolean count(LineRing ring, long amount, Statistic stat) {
        return parts(stat, Statistic.COUNT).write(ring, whole(amount), 0, COUNT);
    }

    /** {@link #gauge(double, Statistic)} written into {@code ring}. */
    boolean gauge(LineRing ring, double amount, Statistic stat) {
        return parts(stat, Statistic.VALUE).write(ring, amount, GAUGE);
    }

    /** {@link #histogram(double)} written into {@code ring}. */
    boolean histogram(LineRing ring, double amount) {
        return main.write(ring, amount, histogramType);
    }

    /** A timing line of {@code nanos} in milliseconds (up to six decimals, exact), written into {@code ring}. */
    boolean timing(LineRing ring, long nanos) {
        return main.write(ring, nanos, WireText.MICRO_DIGITS, TIMING);
    }

    /** {@link #timing(LineRing, long)} as text. */
    String timingText(long nanos) {
        return main.text(nanos, WireText.MICRO_DIGITS, TIMING);
    }

    private Rendered parts(Statistic stat, Statistic mainStatistic) {
        if (stat == mainStatistic) {
            return main;
        }
        synchronized (secondary) {
            return secondary.computeIfAbsent(stat, s -> new Rendered(format.head(id, s), format.tail(id, s)));
        }
    }

    /** A count as {@link WireText#writeDecimal} units: every long but the one without a positive twin. */
    private static long whole(long amount) {
        return Math.max(amount, -Long.MAX_VALUE);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A meter's rendered name and tags around the value, as bytes (sanitised: ASCII only). */
    private static final class Rendered {
        final byte[] head;
        final byte[] tail;

        Rendered(String head, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
        }

        /** {@code head + units/10^digits + type + tail} as text. */
        String text(long units, int digits, byte[] type) {
            byte[] line = new byte[length(units, digits, type)];
            render(line, 0, units, digits, type);
            return new String(line, StandardCharsets.UTF_8);
        }

        String text(double amount, byte[] type) {
            long micros = WireText.micros(amount);
            if (micros == WireText.HUGE) {
                return huge(amount, type);
            }
            return text(micros, WireText.MICRO_DIGITS, type);
        }

        /** Claims room in {@code ring}, renders the line there and publishes it. */
        boolean write(LineRing ring, long units, int digits, byte[] type) {
            int length = length(units, digits, type);
            int at = ring.claim(length);
            if (at < 0) {
                return false;
            }
            try {
                render(ring.buffer(), at, units, digits, type);
            } catch (RuntimeException | Error e) {
                ring.abort(at, length);
                throw e;
            }
            return ring.commit(at, length);
        }

        boolean write(LineRing ring, double amount, byte[] type) {
            long micros = WireText.micros(amount);
            if (micros == WireText.HUGE) {
                return ring.offer(huge(amount, type));
            }
            return write(ring, micros, WireText.MICRO_DIGITS, type);
        }

        private int length(long units, int digits, byte[] type) {
            return head.length + WireText.decimalLength(units, digits) + type.length + tail.length;
        }

        private void render(byte[] dst, int at, long units, int digits, byte[] type) {
            System.arraycopy(head, 0, dst, at, head.length);
            int end = WireText.writeDecimal(dst, at + head.length, units, digits);
            System.arraycopy(type, 0, dst, end, type.length);
            System.arraycopy(tail, 0, dst, end + type.length, tail.length);
        }

        /** A line of a value from 9 × 10^12 on, which has no fraction worth writing (allocates; never a request's). */
        private String huge(double amount, byte[] type) {
            StringBuilder out = new StringBuilder(head.length + 32 + tail.length)
                    .append(new String(head, StandardCharsets.UTF_8));
            WireText.appendNumber(out, amount);
            return out.append(new String(type, StandardCharsets.UTF_8)).append(new String(tail, StandardCharsets.UTF_8))
                    .toString();
        }
    }
}
