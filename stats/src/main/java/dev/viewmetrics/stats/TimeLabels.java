package dev.viewmetrics.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the charts name times (UTC) and lengths of time. */
final class TimeLabels {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private TimeLabels() {
    }

    /** {@code 10:42}, or {@code 10:42:06} for buckets shorter than a minute. */
    static String clock(Instant time, Duration bucket) {
        return (bucket.toSeconds() % 60 == 0 ? MINUTES : SECONDS).format(time);
    }

    /** {@code hour}, {@code 24 hours}, {@code 10 minutes}, {@code 2 s}: a length as the page names it. */
    static String length(Duration length) {
        long seconds = length.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return length.toMillis() % 1000 == 0 ? seconds + " s" : length.toMillis() + " ms";
    }

    private static String plural(long n, String unit) {
        return n == 1 ? unit : n + " " + unit + "s";
    }
}
