package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;

import java.util.List;

/**
 * The tagged flavors: Datadog ({@code name:1|ms|#k:v,k:v}), Telegraf ({@code name,k=v,k=v:1|ms}) and Sysdig
 * ({@code name#k=v,k=v:1|ms}). Tags keep the contract's order; a secondary statistic becomes a
 * {@code statistic} tag.
 */
final class TaggedLineFormat extends LineFormat {

    private final String tagsStart;
    private final String keyValueSeparator;
    private final String tagSeparator;
    private final boolean tagsInHead;

    TaggedLineFormat(String prefix, String tagsStart, String keyValueSeparator, String tagSeparator,
            boolean tagsInHead) {
        super(prefix);
        this.tagsStart = tagsStart;
        this.keyValueSeparator = keyValueSeparator;
        this.tagSeparator = tagSeparator;
        this.tagsInHead = tagsInHead;
    }

    @Override
    String head(Meter.Id id, Statistic statistic) {
        String name = prefixed(WireText.sanitize(id.getName()));
        return (tagsInHead ? name + tags(id, statistic) : name) + ":";
    }

    @Override
    String tail(Meter.Id id, Statistic statistic) {
        return tagsInHead ? "" : tags(id, statistic);
    }

    private String tags(Meter.Id id, Statistic statistic) {
        List<Tag> tags = orderedTags(id);
        if (tags.isEmpty() && statistic == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(tagsStart);
        boolean first = true;
        for (Tag tag : tags) {
            first = appendTag(out, first, tag.getKey(), tag.getValue());
        }
        if (statistic != null) {
            appendTag(out, first, "statistic", statistic.getTagValueRepresentation());
        }
        return out.toString();
    }

    private boolean appendTag(StringBuilder out, boolean first, String key, String value) {
        if (!first) {
            out.append(tagSeparator);
        }
        out.append(WireText.sanitize(key)).append(keyValueSeparator).append(WireText.sanitize(value));
        return false;
    }
}
