package dev.viewmetrics.spring.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading StatsD lines in assertions. */
public final class Lines {

    private static final Pattern TIMER_VALUE = Pattern.compile("^[^:]+:([0-9.]+)\\|ms\\|");

    private Lines() {
    }

    /** The milliseconds of a timer line ({@code view.duration:12.5|ms|#...} gives 12.5). */
    public static double millis(String line) {
        Matcher matcher = TIMER_VALUE.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("not a timer line: " + line);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** The tags of a tagged line, from {@code route:} on. */
    public static String tags(String line) {
        int hash = line.indexOf("|#");
        if (hash < 0) {
            throw new AssertionError("not a tagged line: " + line);
        }
        return line.substring(hash + 2);
    }
}
