package dev.viewmetrics.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A meter named on the {@code pollstats} command line: {@code name}, or {@code name{key=value,…}} to keep only
 * records with those tags. JDK only.
 */
record PollSelector(String text, String name, List<String> tags) {

    /** Splits {@code name,name{k=v,k=v},…} at the commas outside braces. */
    static List<PollSelector> parseList(String list) {
        List<PollSelector> selectors = new ArrayList<>();
        for (String part : splitOutsideBraces(list, 0)) {
            if (!part.isBlank()) {
                selectors.add(parse(part.trim()));
            }
        }
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException("no meter names given");
        }
        return selectors;
    }

    static PollSelector parse(String text) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            return new PollSelector(text, text, List.of());
        }
        if (brace == 0 || !text.endsWith("}")) {
            throw new IllegalArgumentException("'" + text + "' is not name or name{key=value,...}");
        }
        List<String> tags = new ArrayList<>();
        for (String pair : splitOutsideBraces(text.substring(brace + 1, text.length() - 1), 0)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + pair + "' in '" + text + "' is not key=value");
            }
            tags.add(pair.substring(0, equals));
            tags.add(pair.substring(equals + 1));
        }
        return new PollSelector(text, text.substring(0, brace), List.copyOf(tags));
    }

    boolean matches(StatsRecord record) {
        if (!record.name().equals(name)) {
            return false;
        }
        for (int i = 0; i + 1 < tags.size(); i += 2) {
            if (!tags.get(i + 1).equals(record.tag(tags.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> splitOutsideBraces(String text, int depth) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
