package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one StatsD flavor writes a meter's name and tags: the naming policy, computed once per meter.
 * A line is {@code head + value + "|" + type + tail}; {@link #head} and {@link #tail} are what differ by flavor.
 */
public abstract class LineFormat {

    /** Tags that are the same for the whole process; the etsy flavor turns them into the name prefix. */
    public static final List<String> GLOBAL_TAG_KEYS_IN_ORDER = List.of("service", "environment", "version");

    private static final Set<String> GLOBAL_TAG_KEYS = Set.copyOf(GLOBAL_TAG_KEYS_IN_ORDER);

    private static final List<String> LEADING_KEYS = List.of("route", "method", "status", "outcome", "exception",
            "handler");

    /** Orders tags as the metric contract shows them: request tags first, other tags by key, global tags last. */
    static final Comparator<Tag> TAG_ORDER = Comparator.comparingInt((Tag tag) -> rank(tag.getKey()))
            .thenComparing(Tag::getKey);

    private final String prefix;

    LineFormat(String prefix) {
        this.prefix = prefix == null || prefix.isBlank() ? "" : WireText.sanitize(prefix.trim()) + ".";
    }

    /**
     * The format of {@code flavor}. {@code prefix} is prepended to every name ({@code null}: none, except for
     * etsy where it defaults to {@code {service}.{environment}}); {@code baseName} marks the request meters,
     * whose etsy names are laid out {@code base.route.method.status.measure}.
     */
    public static LineFormat of(StatsdFlavor flavor, String prefix, String baseName, Map<String, String> globalTags) {
        switch (flavor) {
            case ETSY:
                return new EtsyLineFormat(prefix != null ? prefix : defaultEtsyPrefix(globalTags), baseName);
            case TELEGRAF:
                return new TaggedLineFormat(prefix, ",", "=", ",", true);
            case SYSDIG:
                return new TaggedLineFormat(prefix, "#", "=", ",", true);
            case DATADOG:
            default:
                return new TaggedLineFormat(prefix, "|#", ":", ",", false);
        }
    }

    /** Parses {@code datadog|etsy|telegraf|sysdig}, any case (see {@link StatsdFlavor#parse}). */
    public static StatsdFlavor parseFlavor(String text) {
        return StatsdFlavor.parse(text);
    }

    private static String defaultEtsyPrefix(Map<String, String> globalTags) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("service", "environment")) {
            String value = globalTags.get(key);
            if (value != null && !value.isBlank()) {
                parts.add(WireText.toHierarchical(value));
            }
        }
        return parts.isEmpty() ? null : String.join(".", parts);
    }

    /** The line builder of one meter. */
    public FlavorLineBuilder builderFor(Meter.Id id) {
        return new FlavorLineBuilder(this, id);
    }

    /** Everything before the value; {@code statistic} is {@code null} for the meter's main statistic. */
    abstract String head(Meter.Id id, Statistic statistic);

    /** Everything after the type. */
    abstract String tail(Meter.Id id, Statistic statistic);

    /** The type of a distribution summary's line: {@code |h}, a histogram, where the flavor's agents keep one. */
    String histogramType() {
        return "|h";
    }

    final String prefixed(String name) {
        return prefix + name;
    }

    static List<Tag> orderedTags(Meter.Id id) {
        List<Tag> tags = new ArrayList<>(id.getTags());
        tags.sort(TAG_ORDER);
        return tags;
    }

    static boolean isGlobal(String key) {
        return GLOBAL_TAG_KEYS.contains(key);
    }

    private static int rank(String key) {
        int leading = LEADING_KEYS.indexOf(key);
        if (leading >= 0) {
            return leading;
        }
        int trailing = GLOBAL_TAG_KEYS_IN_ORDER.indexOf(key);
        return trailing >= 0 ? 100 + trailing : 50;
    }
}
