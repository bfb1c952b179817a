package dev.viewmetrics.stats;

import java.util.List;

/**
 * One meter as read from a {@code .vmstats} file: its kind, name, tags (key, value, key, value, …), base unit
 * ({@code null}: none) and six values (see {@link MmapLayout}). {@code whole} is false only when the publisher
 * stopped in the middle of writing this record (it was killed then), so the values may mix two updates. JDK only.
 */
record StatsRecord(MeterKind kind, String name, List<String> tags, String unit, double[] values, boolean removed,
        boolean whole) {

    double value(int slot) {
        return values[slot];
    }

    /** The value of tag {@code key}, or {@code null}. */
    String tag(String key) {
        for (int i = 0; i + 1 < tags.size(); i += 2) {
            if (tags.get(i).equals(key)) {
                return tags.get(i + 1);
            }
        }
        return null;
    }

    /** {@code name{key=value,key=value}}, or just the name without tags. */
    String key() {
        if (tags.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name).append('{');
        for (int i = 0; i + 1 < tags.size(); i += 2) {
            if (i > 0) {
                key.append(',');
            }
            key.append(tags.get(i)).append('=').append(tags.get(i + 1));
        }
        return key.append('}').toString();
    }
}
