package dev.viewmetrics.jaxrs;

import java.util.regex.Pattern;

/**
 * Jakarta REST {@code @Path} templates as viewmetrics reports them: regular expressions stripped
 * ({@code {id: [0-9]+}} is {@code {id}}), matrix parameters dropped, one slash between segments, a leading slash and
 * no trailing one ({@code /} alone for the root). Also the pattern a template matches, for the rare request that must
 * be matched against templates after the runtime did not say which one it took.
 */
final class Templates {

    private Templates() {
    }

    /** The reported form of {@code raw}, one or more {@code @Path} values already concatenated. */
    static String normalize(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 1);
        int i = 0;
        int n = raw.length();
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '{') {
                i = copyVariable(raw, i, out);
            } else if (c == ';') {
                i = skipMatrix(raw, i);
            } else if (c == '/') {
                if (out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                    out.append('/');
                }
                i++;
            } else {
                if (out.length() == 0) {
                    out.append('/');
                }
                out.append(c);
                i++;
            }
        }
        if (out.length() == 0) {
            return "/";
        }
        if (out.length() > 1 && out.charAt(out.length() - 1) == '/') {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** Joins normalized templates: {@code /users} and {@code /{id}} give {@code /users/{id}}; {@code /} adds nothing. */
    static String join(String first, String second) {
        if (second.equals("/")) {
            return first;
        }
        if (first.equals("/")) {
            return second;
        }
        return first + second;
    }

    /**
     * A pattern matching the request paths (percent-encoded, matrix parameters removed, leading slash) that
     * {@code raw} (unnormalized, so that regular expressions are kept) matches, as Jakarta REST matches them.
     */
    static Pattern pattern(String raw) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '{') {
                int end = variableEnd(path, i);
                String variable = path.substring(i + 1, end);
                int colon = variable.indexOf(':');
                appendLiteral(regex, literal);
                regex.append('(').append(colon < 0 ? "[^/]+?" : variable.substring(colon + 1).trim()).append(')');
                i = end + 1;
            } else if (c == '/' && literal.length() > 0 && literal.charAt(literal.length() - 1) == '/') {
                i++;
            } else {
                literal.append(c);
                i++;
            }
        }
        appendLiteral(regex, literal);
        String body = regex.toString();
        if (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        return Pattern.compile(body + "/?");
    }

    /** The number of literal characters of {@code raw}: Jakarta REST prefers the template with the most. */
    static int literalCharacters(String raw) {
        int count = 0;
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '{') {
                i = variableEnd(raw, i) + 1;
            } else {
                count++;
                i++;
            }
        }
        return count;
    }

    private static void appendLiteral(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Copies {@code {name}} of the variable starting at {@code start}, without its expression; returns what follows. */
    private static int copyVariable(String raw, int start, StringBuilder out) {
        int end = variableEnd(raw, start);
        String variable = raw.substring(start + 1, end);
        int colon = variable.indexOf(':');
        String name = (colon < 0 ? variable : variable.substring(0, colon)).trim();
        if (out.length() == 0) {
            out.append('/');
        }
        out.append('{').append(name).append('}');
        return Math.min(end + 1, raw.length());
    }

    /** The index of the brace closing the variable opened at {@code start} (expressions may nest braces). */
    private static int variableEnd(String raw, int start) {
        int depth = 0;
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return raw.length();
    }

    private static int skipMatrix(String raw, int start) {
        int slash = raw.indexOf('/', start);
        return slash < 0 ? raw.length() : slash;
    }
}
