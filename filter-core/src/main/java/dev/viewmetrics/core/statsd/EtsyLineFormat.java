package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;

import java.util.List;
import java.util.Set;

/**
 * Plain StatsD has no tags, so tags fold into a readable hierarchical name. Request meters
 * ({@code view.duration}) become {@code view.{route}.{method}.{status}.duration}, e.g.
 * {@code shop.prod.view.users._id_.GET.200.duration}; other meters become {@code name.{tag values}}.
 * Global tags are not repeated in the name: they are its prefix. Distribution summaries ({@code view.allocated})
 * are written as timers ({@code |ms}): etsy statsd counts any type it does not know, {@code |h} included, as a
 * counter, while it keeps percentiles of timers, whatever their unit.
 */
final class EtsyLineFormat extends LineFormat {

    /** The request tags that make up a request meter's path; outcome and exception follow from them or are dropped. */
    private static final List<String> REQUEST_PATH_KEYS = List.of("route", "method", "status");
    private static final Set<String> REQUEST_DERIVED_KEYS = Set.of("outcome", "exception", "handler");

    private final String baseDot;

    EtsyLineFormat(String prefix, String baseName) {
        super(prefix);
        this.baseDot = baseName + ".";
    }

    @Override
    String head(Meter.Id id, Statistic statistic) {
        String name = id.getName();
        StringBuilder out = new StringBuilder(64);
        if (name.startsWith(baseDot)) {
            out.append(WireText.toHierarchical(baseDot));
            for (String key : REQUEST_PATH_KEYS) {
                String value = id.getTag(key);
                if (value != null) {
                    out.append('.').append(WireText.toHierarchical(value));
                }
            }
            appendOtherTags(out, id, true);
            out.append('.').append(WireText.toHierarchical(name.substring(baseDot.length())));
        } else {
            out.append(WireText.toHierarchical(name));
            appendOtherTags(out, id, false);
        }
        if (statistic != null) {
            out.append('.').append(statistic.getTagValueRepresentation());
        }
        return prefixed(out.toString()) + ":";
    }

    @Override
    String tail(Meter.Id id, Statistic statistic) {
        return "";
    }

    @Override
    String histogramType() {
        return "|ms";
    }

    private static void appendOtherTags(StringBuilder out, Meter.Id id, boolean requestMeter) {
        for (Tag tag : orderedTags(id)) {
            String key = tag.getKey();
            boolean skip = isGlobal(key)
                    || (requestMeter && (REQUEST_PATH_KEYS.contains(key) || REQUEST_DERIVED_KEYS.contains(key)));
            if (!skip) {
                out.append('.').append(WireText.toHierarchical(tag.getValue()));
            }
        }
    }
}
