package dev.viewmetrics.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the duration syntax of viewmetrics settings. */
final class Durations {

    private Durations() {
    }

    /** {@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h}, ISO-8601, or bare milliseconds; {@code null} if unparseable or negative. */
    static Duration parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (value.startsWith("p")) {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            } else if (value.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1).trim()));
            } else if (value.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1).trim()));
            } else if (value.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1).trim()));
            } else {
                duration = Duration.ofMillis(Long.parseLong(value));
            }
            return duration.isNegative() ? null : duration;
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
