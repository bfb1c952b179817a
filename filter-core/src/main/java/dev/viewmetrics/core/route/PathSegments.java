package dev.viewmetrics.core.route;

/**
 * Index-based walk over the segments of a raw request path, shared by {@link RouteTemplates} and
 * {@link IdNormalizer} so that both see the same segments: runs of {@code /} separate segments,
 * {@code ;matrix} parameters are not part of a segment, and segments left empty are skipped.
 * Nothing here allocates.
 */
final class PathSegments {

    private PathSegments() {
    }

    /**
     * Returns the index of the first character of the next non-empty segment at or after {@code i},
     * or {@code path.length()} when there is none.
     */
    static int nextSegment(String path, int i) {
        int length = path.length();
        while (i < length) {
            char c = path.charAt(i);
            if (c == '/') {
                i++;
            } else if (c == ';') {
                int slash = path.indexOf('/', i);
                i = slash < 0 ? length : slash;
            } else {
                return i;
            }
        }
        return length;
    }

    /** Returns the end (exclusive) of the segment starting at {@code start}: the next {@code /}, {@code ;} or the end. */
    static int segmentEnd(String path, int start) {
        int i = start;
        int length = path.length();
        while (i < length && path.charAt(i) != '/' && path.charAt(i) != ';') {
            i++;
        }
        return i;
    }

    /** Returns the index after the character at {@code i}: a valid {@code %XX} escape counts as one character. */
    static int next(String path, int i, int end) {
        return isEscape(path, i, end) ? i + 3 : i + 1;
    }

    /** Returns the character at {@code i}, decoding a valid {@code %XX} escape; an invalid one stays a {@code %}. */
    static char decodedAt(String path, int i, int end) {
        return isEscape(path, i, end)
                ? (char) (hexValue(path.charAt(i + 1)) << 4 | hexValue(path.charAt(i + 2)))
                : path.charAt(i);
    }

    /** Whether {@code c} is an RFC 3986 unreserved character: {@code A-Z a-z 0-9 . _ ~ -}. */
    static boolean isUnreserved(int c) {
        return isAsciiLetter(c) || isDigit(c) || c == '.' || c == '_' || c == '~' || c == '-';
    }

    static boolean isAsciiLetter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(int c) {
        return hexValue(c) >= 0;
    }

    private static boolean isEscape(String path, int i, int end) {
        return path.charAt(i) == '%' && i + 2 < end
                && isHexDigit(path.charAt(i + 1)) && isHexDigit(path.charAt(i + 2));
    }

    private static int hexValue(int c) {
        if (isDigit(c)) {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
