package dev.viewmetrics.mixins;

/** Joins metric path parts with {@code .}; anything outside {@code [A-Za-z0-9_-]} inside a part becomes {@code _}. */
final class MetricPath {

    private MetricPath() {
    }

    /** {@code ("http", "GET /x", "200")} → {@code http.GET__x.200}; dots inside a part are kept as separators. */
    static String join(String... parts) {
        StringBuilder out = new StringBuilder(32);
        for (String part : parts) {
            if (part == null || part.isEmpty()) {
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '.') {
                out.append('.');
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                        || c == '_' || c == '.';
                out.append(keep ? c : '_');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '.') {
            end--;
        }
        out.setLength(end);
        return out.length() == 0 ? "_" : out.toString();
    }
}
