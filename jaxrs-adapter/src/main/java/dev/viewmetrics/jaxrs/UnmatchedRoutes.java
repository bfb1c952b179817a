package dev.viewmetrics.jaxrs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The templates of an application's root resource methods, learnt at deployment, for the requests the runtime
 * answered before matching a method: a 405 (no method for the HTTP method), a 406 or 415, or a rejection by a
 * pre-matching filter. Such a request is named by the template its path matches, chosen in Jakarta REST's order
 * (most literal characters first, then most variables), so that it is never named by its raw path.
 */
final class UnmatchedRoutes {

    private static final Comparator<Entry> PRECEDENCE = Comparator.comparingInt((Entry e) -> -e.literals)
            .thenComparingInt(e -> -e.variables).thenComparing(e -> e.template);

    private final List<Entry> learnt = new ArrayList<>();
    private volatile Entry[] entries = new Entry[0];

    /** Learns the template of {@code method} of {@code resourceClass}; methods of sub-resources are ignored. */
    void learn(Class<?> resourceClass, Method method) {
        if (ResourceModel.classPath(resourceClass) == null) {
            return;
        }
        String raw = ResourceRoutes.directRawTemplate(resourceClass, method);
        String template = Templates.normalize(raw);
        synchronized (learnt) {
            for (Entry entry : learnt) {
                if (entry.template.equals(template)) {
                    return;
                }
            }
            learnt.add(new Entry(template, Templates.pattern(raw), Templates.literalCharacters(raw),
                    count(template, '{')));
            learnt.sort(PRECEDENCE);
            entries = learnt.toArray(new Entry[0]);
        }
    }

    /** The template matching {@code path} (as {@link RequestPaths#withinApplication} gives it), or {@code null}. */
    String lookUp(String path) {
        for (Entry entry : entries) {
            if (entry.pattern.matcher(path).matches()) {
                return entry.template;
            }
        }
        return null;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private record Entry(String template, Pattern pattern, int literals, int variables) {
    }
}
