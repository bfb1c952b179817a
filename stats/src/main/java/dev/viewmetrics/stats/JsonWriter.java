package dev.viewmetrics.stats;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer, compact or indented by two spaces. Strings are escaped so that the output is
 * valid JSON whatever they hold (quotes, backslashes, control characters, unpaired surrogates) and safe to embed
 * in HTML ({@code < > &} and U+2028/U+2029 as {@code \\u} escapes); numbers that JSON cannot hold (NaN,
 * infinities) are written as {@code null}.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private final boolean pretty;
    /** Per open object or array: whether it has a member yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(StringBuilder out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    /** The name of the next member of the current object. */
    JsonWriter name(String name) {
        separate();
        string(out, name);
        out.append(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
        return this;
    }

    JsonWriter value(double value) {
        beforeValue();
        out.append(number(value));
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** A member {@code name: value}. */
    JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, double value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (!open.isEmpty()) {
            separate();
        }
    }

    private void separate() {
        boolean[] hasMember = open.peek();
        if (hasMember[0]) {
            out.append(',');
        }
        hasMember[0] = true;
        newline(open.size());
    }

    private JsonWriter close(char bracket) {
        boolean[] hasMember = open.pop();
        if (hasMember[0]) {
            newline(open.size());
        }
        out.append(bracket);
        if (open.isEmpty() && pretty) {
            out.append('\n');
        }
        return this;
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    /** {@code value} as a JSON number: whole numbers without a fraction, {@code null} for NaN and infinities. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Appends {@code value} as a quoted, escaped JSON string. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029'
                            || c == 0x7f) {
                        unicode(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicode(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicode(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF])
                .append(HEX[c & 0xF]);
    }
}
