package dev.viewmetrics.core.statsd;

import java.util.Locale;

/**
 * The StatsD dialects viewmetrics writes ({@code statsd.flavor}): where tags go, or, for plain StatsD, how they fold
 * into the metric name. {@link LineFormat#of} turns one into the naming policy of every line.
 */
public enum StatsdFlavor {
    /** Datadog's DogStatsD, the default: {@code view.duration:12.5|ms|#route:/users/{id},method:GET}. */
    DATADOG,
    /** Plain (etsy) StatsD, which has no tags: they fold into the name, {@code view.users._id_.GET.200.duration:12.5|ms}. */
    ETSY,
    /** Telegraf's StatsD input: {@code view.duration,route=/users/{id},method=GET:12.5|ms}. */
    TELEGRAF,
    /** Sysdig: {@code view.duration#route=/users/{id},method=GET:12.5|ms}. */
    SYSDIG;

    /**
     * The flavor named {@code text}: {@code datadog}, {@code etsy}, {@code telegraf} or {@code sysdig}, any case.
     *
     * @throws IllegalArgumentException naming the setting {@code statsd.flavor} and the accepted values
     */
    public static StatsdFlavor parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("viewmetrics: setting 'statsd.flavor' must be one of datadog, etsy, "
                    + "telegraf, sysdig, but was '" + text + "'");
        }
    }
}
