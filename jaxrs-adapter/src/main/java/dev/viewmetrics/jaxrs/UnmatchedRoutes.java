package dev.viewmetrics.jaxrs;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The templates of an application's resource methods, learnt at deployment, for the requests the runtime answered
 * before matching a method: a 405 (no method for the HTTP method), a 406 or 415, or a rejection by a pre-matching
 * filter. Such a request is named by the template its path matches, chosen in Jakarta REST's order (most literal
 * characters first, then most variables), so that it is never named by its raw path. Besides the root resources'
 * methods the runtime shows at deployment, the sub-resources their locators declare as return types are walked
 * (a few levels deep); a locator returning {@code Object} leaves what is behind it unknown.
 */
final class UnmatchedRoutes {

    private static final Comparator<Entry> PRECEDENCE = Comparator.comparingInt((Entry e) -> -e.literals)
            .thenComparingInt(e -> -e.variables).thenComparing(e -> e.template);

    /** How many locators deep sub-resources are walked. */
    private static final int MAX_DEPTH = 4;

    private final List<Entry> learnt = new ArrayList<>();
    private final Set<Class<?>> walked = new HashSet<>();
    private volatile Entry[] entries = new Entry[0];

    /**
     * Learns the template of {@code method} of the root resource {@code resourceClass} (methods of sub-resources,
     * which have no class {@code @Path}, are learnt through their locators instead), and the first time the class is
     * seen, the sub-resources behind its locators.
     */
    void learn(Class<?> resourceClass, Method method) {
        String classPath = ResourceModel.classPath(resourceClass);
        if (classPath == null) {
            return;
        }
        add(ResourceRoutes.directRawTemplate(resourceClass, method));
        boolean first;
        synchronized (learnt) {
            first = walked.add(resourceClass);
        }
        if (first) {
            Set<Class<?>> onPath = new HashSet<>();
            onPath.add(resourceClass);
            walk(resourceClass, classPath, 0, onPath);
        }
    }

    /** Learns what the locators of {@code owner} (reached at {@code prefix}) lead to. */
    private void walk(Class<?> owner, String prefix, int depth, Set<Class<?>> onPath) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (Method locator : ResourceModel.locators(owner)) {
            Class<?> next = locator.getReturnType();
            if (next == Object.class || next == Class.class || !onPath.add(next)) {
                continue;
            }
            String path = ResourceRoutes.joinRaw(prefix, ResourceModel.methodPath(locator));
            for (Method method : ResourceModel.resourceMethods(next)) {
                add(ResourceRoutes.joinRaw(path, ResourceModel.methodPath(method)));
            }
            walk(next, path, depth + 1, onPath);
            onPath.remove(next);
        }
    }

    private void add(String raw) {
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
