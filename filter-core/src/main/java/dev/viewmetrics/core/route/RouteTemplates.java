package dev.viewmetrics.core.route;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Route templates declared by the application (relative to the servlet context path, like servlet
 * mappings), matched against request paths by a segment trie. Immutable and safe to share between threads.
 *
 * <p>Template syntax, one rule per {@code /}-separated segment:
 * <ul>
 *   <li>a literal of the URL-safe characters {@code A-Z a-z 0-9 . _ ~ -} matches itself, case-sensitively;</li>
 *   <li>{@code {name}} (name of {@code A-Z a-z 0-9 _ -}) or {@code *} matches exactly one non-empty segment;</li>
 *   <li>{@code **} or {@code {*name}}, only as the last segment, matches zero or more remaining segments.</li>
 * </ul>
 * {@code /} alone is the root. Templates that match exactly the same paths (such as {@code /users/{id}} and
 * {@code /users/*}) conflict and are rejected.
 */
public final class RouteTemplates {

    private final List<String> templates;
    private final Node root;

    private RouteTemplates(List<String> templates, Node root) {
        this.templates = templates;
        this.root = root;
    }

    /**
     * Compiles the given templates; a template listed twice counts once.
     *
     * @throws IllegalArgumentException naming the template and the problem when a template is invalid
     *         (not starting with {@code /}, empty segment, unbalanced braces, empty variable name,
     *         {@code **} not last, a character outside the syntax above) or conflicts with another one
     */
    public static RouteTemplates of(Collection<String> templates) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(templates));
        Builder root = new Builder();
        for (String template : distinct) {
            root.add(template);
        }
        return new RouteTemplates(distinct, root.build());
    }

    /**
     * Compiles comma-separated templates, as written in configuration: whitespace around an entry is
     * trimmed, empty entries are ignored, and {@code null} or blank gives no templates.
     *
     * @throws IllegalArgumentException as {@link #of(Collection)}
     */
    public static RouteTemplates parse(String commaSeparated) {
        if (commaSeparated == null) {
            return of(List.of());
        }
        return of(Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .toList());
    }

    /**
     * Returns the declared template that matches {@code path}, or {@code null} when none does.
     * When several match, the most specific wins: segment by segment from the left, a literal beats
     * {@code {name}}/{@code *}, which beats {@code **}, falling back to the next choice when a branch fails.
     *
     * @param path the raw request URI minus the context path, never {@code null}; {@code ""} is the root.
     *        Doubled and trailing slashes and {@code ;matrix} parameters are ignored, and {@code %XX}
     *        escapes are decoded before comparing literals. Allocates nothing.
     * @return the declared template string itself (the same instance on every call), or {@code null}
     */
    public String match(String path) {
        return match(path, 0);
    }

    /**
     * {@link #match(String)} for the part of {@code uri} from {@code from} on: a request URI is matched from just
     * past its context path without cutting that path out.
     */
    public String match(String uri, int from) {
        return root.match(uri, PathSegments.nextSegment(uri, from));
    }

    /** Whether no template is declared. */
    public boolean isEmpty() {
        return templates.isEmpty();
    }

    /** The number of distinct declared templates. */
    public int size() {
        return templates.size();
    }

    @Override
    public String toString() {
        return "RouteTemplates" + templates;
    }

    /** A compiled trie node; every field is final, so a compiled trie is safely shared without locks. */
    private static final class Node {
        private final Literals literals;
        private final Node variable;
        private final String terminal;
        private final String rest;

        Node(Literals literals, Node variable, String terminal, String rest) {
            this.literals = literals;
            this.variable = variable;
            this.terminal = terminal;
            this.rest = rest;
        }

        /** Matches the path from {@code start}, the first character of the next segment (or the path length). */
        String match(String path, int start) {
            if (start == path.length()) {
                return terminal != null ? terminal : rest;
            }
            int end = PathSegments.segmentEnd(path, start);
            int next = PathSegments.nextSegment(path, end);
            Node literal = literals.find(path, start, end);
            String matched = literal == null ? null : literal.match(path, next);
            if (matched == null && variable != null) {
                matched = variable.match(path, next);
            }
            return matched != null ? matched : rest;
        }
    }

    /**
     * The literal children of a node in an open-addressing table keyed by {@link String#hashCode()}, probed with
     * the hash of the decoded path segment, so that looking up a segment needs no substring.
     */
    private static final class Literals {
        private final String[] keys;
        private final Node[] nodes;
        private final boolean empty;

        Literals(Map<String, Node> children) {
            empty = children.isEmpty();
            int capacity = Integer.highestOneBit(Math.max(1, children.size()) * 4 - 1);
            keys = new String[capacity];
            nodes = new Node[capacity];
            children.forEach((key, node) -> {
                int slot = slot(key.hashCode());
                while (keys[slot] != null) {
                    slot = (slot + 1) & (capacity - 1);
                }
                keys[slot] = key;
                nodes[slot] = node;
            });
        }

        Node find(String path, int start, int end) {
            if (empty) {
                return null;
            }
            int hash = 0;
            for (int i = start; i < end; i = PathSegments.next(path, i, end)) {
                hash = 31 * hash + PathSegments.decodedAt(path, i, end);
            }
            for (int slot = slot(hash); keys[slot] != null; slot = (slot + 1) & (keys.length - 1)) {
                if (keys[slot].hashCode() == hash && equalsDecoded(keys[slot], path, start, end)) {
                    return nodes[slot];
                }
            }
            return null;
        }

        private int slot(int hash) {
            return (hash ^ hash >>> 16) & (keys.length - 1);
        }

        private static boolean equalsDecoded(String key, String path, int start, int end) {
            int k = 0;
            for (int i = start; i < end; i = PathSegments.next(path, i, end)) {
                if (k == key.length() || key.charAt(k++) != PathSegments.decodedAt(path, i, end)) {
                    return false;
                }
            }
            return k == key.length();
        }
    }

    /** A mutable trie node used while templates are added, then compiled into a {@link Node}. */
    private static final class Builder {
        private final Map<String, Builder> literals = new LinkedHashMap<>();
        private Builder variable;
        private String terminal;
        private String rest;

        void add(String template) {
            if (template == null || !template.startsWith("/")) {
                throw invalid(template, "it must start with '/'");
            }
            if (template.length() > 1 && template.endsWith("/")) {
                throw invalid(template, "it must not end with '/'");
            }
            Builder node = this;
            for (int start = 1; start < template.length(); ) {
                int slash = template.indexOf('/', start);
                int end = slash < 0 ? template.length() : slash;
                String segment = template.substring(start, end);
                if (isRest(template, segment)) {
                    if (end < template.length()) {
                        throw invalid(template, "'" + segment + "' must be the last segment");
                    }
                    node.rest = claim(node.rest, template);
                    return;
                }
                node = isVariable(template, segment)
                        ? node.variable()
                        : node.literals.computeIfAbsent(checkedLiteral(template, segment), literal -> new Builder());
                start = end + 1;
            }
            node.terminal = claim(node.terminal, template);
        }

        private Builder variable() {
            if (variable == null) {
                variable = new Builder();
            }
            return variable;
        }

        Node build() {
            Map<String, Node> children = new LinkedHashMap<>();
            literals.forEach((literal, child) -> children.put(literal, child.build()));
            return new Node(new Literals(children), variable == null ? null : variable.build(), terminal, rest);
        }

        private static String claim(String existing, String template) {
            if (existing != null) {
                throw new IllegalArgumentException("route template '" + template + "' conflicts with '" + existing
                        + "': both match exactly the same paths");
            }
            return template;
        }

        private static boolean isRest(String template, String segment) {
            return segment.equals("**") || segment.startsWith("{*") && isVariable(template, segment);
        }

        /** Whether the segment is {@code *}, {@code {name}} or {@code {*name}}, checking the braces and the name. */
        private static boolean isVariable(String template, String segment) {
            if (segment.equals("*")) {
                return true;
            }
            if (!segment.startsWith("{")) {
                return false;
            }
            if (!segment.endsWith("}") || segment.length() == 1) {
                throw misplacedBraces(template, segment);
            }
            String name = segment.substring(segment.startsWith("{*") ? 2 : 1, segment.length() - 1);
            if (name.isEmpty()) {
                throw invalid(template, "empty variable name in segment '" + segment + "'");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '{' || c == '}') {
                    throw misplacedBraces(template, segment);
                }
                if (!PathSegments.isAsciiLetter(c) && !PathSegments.isDigit(c) && c != '_' && c != '-') {
                    throw invalid(template, describe(c) + " is not allowed in variable name '" + name
                            + "' (use A-Z a-z 0-9 _ -)");
                }
            }
            return true;
        }

        private static String checkedLiteral(String template, String segment) {
            if (segment.isEmpty()) {
                throw invalid(template, "it has an empty segment ('//')");
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c == '{' || c == '}') {
                    throw misplacedBraces(template, segment);
                }
                if (c == '*') {
                    throw invalid(template, "'*' must be a whole segment, not part of '" + segment + "'");
                }
                if (!PathSegments.isUnreserved(c)) {
                    throw invalid(template, describe(c) + " is not allowed (literal segments use A-Z a-z 0-9 . _ ~ -)");
                }
            }
            return segment;
        }

        private static IllegalArgumentException misplacedBraces(String template, String segment) {
            long opening = segment.chars().filter(c -> c == '{').count();
            long closing = segment.chars().filter(c -> c == '}').count();
            return invalid(template, opening != closing
                    ? "unbalanced braces in segment '" + segment + "'"
                    : "a variable must be a whole segment, as in '/{id}', not part of '" + segment + "'");
        }

        private static String describe(char c) {
            return c > ' ' && c < 0x7f ? "character '" + c + "'" : String.format("character U+%04X", (int) c);
        }

        private static IllegalArgumentException invalid(String template, String problem) {
            return new IllegalArgumentException("invalid route template '" + template + "': " + problem);
        }
    }
}
