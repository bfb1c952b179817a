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
        if (!Double.isFinite(value)) {
            out.append('0');
            return;
        }
        double magnitude = Math.abs(value);
        if (magnitude >= MAX_SCALED) {
            out.append(new BigDecimal(value).setScale(0, RoundingMode.HALF_UP).toPlainString());
            return;
        }
        long scaled = Math.round(magnitude * MICRO_SCALE);
        if (scaled == 0) {
            out.append('0');
            return;
        }
        if (value < 0) {
            out.append('-');
        }
        out.append(scaled / MICRO_SCALE);
        long fraction = scaled % MICRO_SCALE;
        if (fraction != 0) {
            out.append('.');
            int digits = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            String text = Long.toString(fraction);
            for (int pad = text.length(); pad < digits; pad++) {
                out.append('0');
            }
            out.append(text);
        }
    }

    /** {@link #appendNumber} into a new string. */
    public static String number(double value) {
        StringBuilder out = new StringBuilder(16);
        appendNumber(out, value);
        return out.toString();
    }
}
