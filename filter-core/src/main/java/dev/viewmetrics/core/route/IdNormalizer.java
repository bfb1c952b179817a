package dev.viewmetrics.core.route;

import java.util.function.IntPredicate;

/**
 * The route of last resort, for paths no template is known for: replaces ID-like path segments with placeholders
 * so that raw IDs never explode metric cardinality, while real route words stay readable.
 *
 * <p>Doubled and trailing slashes and {@code ;matrix} parameters are dropped and {@code %XX} escapes decoded;
 * then each segment is judged as a whole:
 * <ol>
 *   <li>an ISO-8601 date, optionally with a time ({@code 2024-05-31}, {@code 20240531},
 *       {@code 2024-05-31T10:00:00Z}; years 1900–2099) becomes {@code {date}};</li>
 *   <li>a segment longer than 64 characters, or with any character outside {@code A-Z a-z 0-9 . _ ~ -}
 *       (e-mail addresses, spaces, {@code : + = @ | # ,}, quotes, non-ASCII…), becomes {@code {token}};</li>
 *   <li>otherwise each {@code .}-separated part is judged alone, so that a file name keeps its extension
 *       ({@code 42.pdf} → {@code {id}.pdf}, {@code app.3f9a2b1c.js} → {@code app.{hash}.js}):
 *     <ul>
 *       <li>a date as above → {@code {date}};</li>
 *       <li>an integer, optionally negative → {@code {id}};</li>
 *       <li>a UUID: 8-4-4-4-12 hex digits, or 32 hex digits whose version and variant digits are a UUID's
 *           (other 32-hex strings, such as most MD5 sums, are hashes) → {@code {uuid}};</li>
 *       <li>7 or more hex digits with at least one decimal digit (git SHAs, MD5, SHA-256) → {@code {hash}};</li>
 *       <li>letters with digits where a word (words are split at {@code - _ ~}) is not a <em>code</em>: a
 *           {@code -}-separated phrase with a word of two letters or more ({@code my-post-2024-05-31}) →
 *           {@code {slug}}, anything else ({@code u123456}, {@code ord_8f3KdZ2}) → {@code {token}}.
 *           A code has at most 3 digits in at most 3 letter/digit runs, and its letters after the first share
 *           one case: {@code v1}, {@code oauth2}, {@code x86_64}, {@code i18n}, {@code sha256}, {@code 2fa};</li>
 *       <li>anything else is kept: words, kebab- and snake-case, codes.</li>
 *     </ul>
 *   </li>
 * </ol>
 * After 64 segments the rest of the path becomes a single {@code /{more}}. Words without digits are kept
 * whatever they are (a slug such as {@code how-to-cook-rice} too): {@link CardinalityGuard} bounds those.
 */
public final class IdNormalizer {

    private static final int MAX_SEGMENTS = 64;
    private static final int MAX_SEGMENT_LENGTH = 64;

    private static final IntPredicate DIGIT = PathSegments::isDigit;
    private static final IntPredicate HEX_DIGIT = PathSegments::isHexDigit;
    private static final IntPredicate LETTER = PathSegments::isAsciiLetter;
    private static final IntPredicate TIME_CHARACTER = c -> PathSegments.isDigit(c) || ":.+-Zz".indexOf(c) >= 0;

    private IdNormalizer() {
    }

    /**
     * Returns the normalised form of {@code path}, following the rules above.
     *
     * @param path the raw request URI minus the context path, never {@code null}; {@code ""} is the root
     * @return a path starting with {@code /} ({@code /} for the root) made only of the characters
     *         {@code A-Z a-z 0-9 . _ ~ { } / -}, computed in time linear in the length of {@code path}
     */
    public static String normalize(String path) {
        return normalize(path, 0);
    }

    /** {@link #normalize(String)} of the part of {@code path} from {@code from} on (just past a context path). */
    public static String normalize(String path, int from) {
        StringBuilder out = new StringBuilder();
        StringBuilder segment = new StringBuilder(MAX_SEGMENT_LENGTH);
        int count = 0;
        for (int start = PathSegments.nextSegment(path, from); start < path.length(); count++) {
            out.append('/');
            if (count == MAX_SEGMENTS) {
                out.append("{more}");
                break;
            }
            int end = PathSegments.segmentEnd(path, start);
            appendSegment(out, decoded(path, start, end, segment));
            start = PathSegments.nextSegment(path, end);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** Decodes the segment into {@code into}; returns {@code null} when it is longer than {@link #MAX_SEGMENT_LENGTH}. */
    private static StringBuilder decoded(String path, int start, int end, StringBuilder into) {
        into.setLength(0);
        for (int i = start; i < end; i = PathSegments.next(path, i, end)) {
            if (into.length() == MAX_SEGMENT_LENGTH) {
                return null;
            }
            into.append(PathSegments.decodedAt(path, i, end));
        }
        return into;
    }

    private static void appendSegment(StringBuilder out, StringBuilder segment) {
        if (segment != null && isDate(segment, 0, segment.length())) {
            out.append("{date}");
        } else if (segment == null || !all(segment, 0, segment.length(), PathSegments::isUnreserved)) {
            out.append("{token}");
        } else {
            appendParts(out, segment);
        }
    }

    private static void appendParts(StringBuilder out, StringBuilder segment) {
        int start = 0;
        while (true) {
            int dot = segment.indexOf(".", start);
            int end = dot < 0 ? segment.length() : dot;
            String placeholder = placeholder(segment, start, end);
            if (placeholder == null) {
                out.append(segment, start, end);
            } else {
                out.append(placeholder);
            }
            if (dot < 0) {
                return;
            }
            out.append('.');
            start = dot + 1;
        }
    }

    /** The placeholder for a dot-free part of unreserved characters, or {@code null} to keep it. */
    private static String placeholder(CharSequence s, int start, int end) {
        if (isDate(s, start, end)) {
            return "{date}";
        }
        if (isInteger(s, start, end)) {
            return "{id}";
        }
        if (isUuid(s, start, end)) {
            return "{uuid}";
        }
        if (end - start >= 7 && all(s, start, end, HEX_DIGIT) && any(s, start, end, DIGIT)) {
            return "{hash}";
        }
        return wordsPlaceholder(s, start, end);
    }

    private static boolean isDate(CharSequence s, int start, int end) {
        boolean dashed = end - start >= 10 && s.charAt(start + 4) == '-' && s.charAt(start + 7) == '-';
        int month = start + (dashed ? 5 : 4);
        int day = month + (dashed ? 3 : 2);
        int time = day + 2;
        return time <= end
                && all(s, start, start + 4, DIGIT) && all(s, month, month + 2, DIGIT) && all(s, day, day + 2, DIGIT)
                && (twoDigits(s, start) == 19 || twoDigits(s, start) == 20)
                && twoDigits(s, month) >= 1 && twoDigits(s, month) <= 12
                && twoDigits(s, day) >= 1 && twoDigits(s, day) <= 31
                && (time == end || isTime(s, time, end));
    }

    /** {@code T} then hours, then anything made of digits and {@code : . + - Z}. */
    private static boolean isTime(CharSequence s, int start, int end) {
        return (s.charAt(start) == 'T' || s.charAt(start) == 't')
                && end - start >= 3 && all(s, start + 1, start + 3, DIGIT)
                && all(s, start + 3, end, TIME_CHARACTER);
    }

    private static boolean isInteger(CharSequence s, int start, int end) {
        int digits = start < end && s.charAt(start) == '-' ? start + 1 : start;
        return digits < end && all(s, digits, end, DIGIT);
    }

    private static boolean isUuid(CharSequence s, int start, int end) {
        if (end - start == 32) {
            return all(s, start, end, HEX_DIGIT)
                    && "12345678".indexOf(s.charAt(start + 12)) >= 0
                    && "89abAB".indexOf(s.charAt(start + 16)) >= 0;
        }
        if (end - start != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(start + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !PathSegments.isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static String wordsPlaceholder(CharSequence s, int start, int end) {
        if (!any(s, start, end, DIGIT)) {
            return null;
        }
        boolean allCodes = true;
        boolean phrase = false;
        boolean hasWord = false;
        int word = start;
        for (int i = start; i <= end; i++) {
            if (i == end || isWordSeparator(s.charAt(i))) {
                allCodes &= isCode(s, word, i);
                hasWord |= i - word >= 2 && all(s, word, i, LETTER);
                phrase |= i < end && s.charAt(i) == '-';
                word = i + 1;
            }
        }
        if (allCodes) {
            return null;
        }
        return phrase && hasWord ? "{slug}" : "{token}";
    }

    private static boolean isWordSeparator(char c) {
        return c == '-' || c == '_' || c == '~';
    }

    /** Whether a word of letters and digits reads as a code ({@code v1}, {@code oauth2}) rather than an ID. */
    private static boolean isCode(CharSequence s, int start, int end) {
        int digits = 0;
        int runs = 0;
        boolean upper = false;
        boolean lower = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            boolean digit = PathSegments.isDigit(c);
            if (i == start || digit != PathSegments.isDigit(s.charAt(i - 1))) {
                runs++;
            }
            if (digit) {
                digits++;
            } else if (i > start) {
                upper |= Character.isUpperCase(c);
                lower |= Character.isLowerCase(c);
            }
        }
        return digits == 0 || digits <= 3 && runs <= 3 && !(upper && lower);
    }

    private static int twoDigits(CharSequence s, int at) {
        return (s.charAt(at) - '0') * 10 + s.charAt(at + 1) - '0';
    }

    private static boolean all(CharSequence s, int start, int end, IntPredicate test) {
        for (int i = start; i < end; i++) {
            if (!test.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(CharSequence s, int start, int end, IntPredicate test) {
        return !all(s, start, end, test.negate());
    }
}
