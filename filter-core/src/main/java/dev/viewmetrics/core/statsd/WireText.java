package dev.viewmetrics.core.statsd;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Text that may go onto the StatsD wire: sanitising of names and tag values, and number formatting.
 * Nothing a request sends (path, method, header) can add a line, a field or a tag once it went through here.
 */
public final class WireText {

    private static final long MICRO_SCALE = 1_000_000L;
    private static final double MAX_SCALED = 9.0e12;
    private static final long[] POWERS_OF_TEN = new long[19];

    /** Fractional digits of the numbers {@link #micros} gives: millionths. */
    static final int MICRO_DIGITS = 6;

    /** What {@link #micros} returns for a value too large for millionths in a {@code long}. */
    static final long HUGE = Long.MIN_VALUE;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private WireText() {
    }

    /**
     * A metric name or tag value safe for every flavor: StatsD separators ({@code : | # , = @}), white space,
     * control and non-ASCII characters become {@code _}. Returns the same instance when nothing changes.
     */
    public static String sanitize(String text) {
        if (text == null || text.isEmpty()) {
            return "_";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean safe = c > ' ' && c < 0x7f && c != ':' && c != '|' && c != '#' && c != ',' && c != '='
                    && c != '@';
            if (!safe && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(safe ? c : '_');
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A readable path segment for hierarchical (etsy) names: {@code /users/{id}} becomes {@code users._id_};
     * only {@code [A-Za-z0-9_-]} and single dots remain, never an empty segment.
     */
    public static String toHierarchical(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '.') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '.') {
                    out.append('.');
                }
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_') {
                out.append(c);
            } else {
                out.append('_');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '.') {
            end--;
        }
        out.setLength(end);
        return out.length() == 0 ? "root" : out.toString();
    }

    /**
     * Appends {@code value} in plain decimal notation with at most six fractional digits (never exponent
     * notation, which StatsD agents reject). Non-finite values are written as {@code 0}.
     */
    public static void appendNumber(StringBuilder out, double value) {
        long micros = micros(value);
        if (micros == HUGE) {
            out.append(new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).toPlainString());
            return;
        }
        byte[] digits = new byte[decimalLength(micros, MICRO_DIGITS)];
        writeDecimal(digits, 0, micros, MICRO_DIGITS);
        for (byte digit : digits) {
            out.append((char) digit);
        }
    }

    /** {@link #appendNumber} into a new string. */
    public static String number(double value) {
        StringBuilder out = new StringBuilder(16);
        appendNumber(out, value);
        return out.toString();
    }

    /**
     * {@code value} in millionths, rounded half up (the form {@link #writeDecimal} writes with six digits); 0 for a
     * non-finite value, {@link #HUGE} from 9 × 10^12 on.
     */
    static long micros(double value) {
        if (!Double.isFinite(value)) {
            return 0;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= MAX_SCALED) {
            return HUGE;
        }
        long scaled = Math.round(magnitude * MICRO_SCALE);
        return value < 0 ? -scaled : scaled;
    }

    /**
     * The length of {@code units / 10^digits} as {@link #writeDecimal} writes it.
     *
     * @param units  the number in units of its last fractional digit; any value but {@link Long#MIN_VALUE}
     * @param digits fractional digits: 0 (a whole number) or {@link #MICRO_DIGITS}
     */
    static int decimalLength(long units, int digits) {
        long magnitude = Math.abs(units);
        long whole = whole(magnitude, digits);
        int fraction = fractionDigits(magnitude - whole * MICRO_SCALE, digits);
        return (units < 0 ? 1 : 0) + digitCount(whole) + (fraction > 0 ? 1 + fraction : 0);
    }

    /**
     * Writes {@code units / 10^digits} at {@code at}: a minus sign if negative, the whole part, and the fraction
     * without its trailing zeros ({@code 12500000, 6} is {@code 12.5}; {@code 3000, 0} is {@code 3000}). Nothing is
     * allocated, and no division by a variable: the request path formats its numbers with this.
     *
     * @param digits fractional digits: 0 (a whole number) or {@link #MICRO_DIGITS}
     * @return the position after the last byte written
     */
    static int writeDecimal(byte[] dst, int at, long units, int digits) {
        long magnitude = Math.abs(units);
        long whole = whole(magnitude, digits);
        long fraction = digits == 0 ? 0 : magnitude - whole * MICRO_SCALE;
        int fractionDigits = fractionDigits(fraction, digits);
        if (units < 0) {
            dst[at++] = '-';
        }
        at += digitCount(whole);
        int end = at;
        do {
            dst[--end] = (byte) ('0' + whole % 10);
            whole /= 10;
        } while (whole != 0);
        if (fractionDigits > 0) {
            dst[at] = '.';
            for (int i = digits; i > fractionDigits; i--) {
                fraction /= 10; // the trailing zeros
            }
            for (int i = fractionDigits; i > 0; i--) {
                dst[at + i] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            at += 1 + fractionDigits;
        }
        return at;
    }

    private static long whole(long magnitude, int digits) {
        return digits == 0 ? magnitude : magnitude / MICRO_SCALE;
    }

    /** The fractional digits of {@code fraction} (in units of 10^-digits) left once its trailing zeros are dropped. */
    private static int fractionDigits(long fraction, int digits) {
        if (digits == 0 || fraction == 0) {
            return 0;
        }
        int significant = digits;
        while (fraction % 10 == 0) {
            fraction /= 10;
            significant--;
        }
        return significant;
    }

    private static int digitCount(long value) {
        int count = 1;
        while (count < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[count]) {
            count++;
        }
        return count;
    }
}
