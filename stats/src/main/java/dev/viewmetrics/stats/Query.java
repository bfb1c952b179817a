package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ?query=} filter of the stats page: terms separated by spaces, all of which a row must match.
 * <ul>
 * <li>{@code key:value} — tag {@code key} equals {@code value} ({@code *} matches any text); the keys
 * {@code name} (the meter's name, or that of its CPU timer or allocation summary) and {@code type}
 * ({@code timer}, {@code counter}, …) work the same way: {@code route:/users/{id}}, {@code status:5*},
 * {@code name:view.*};</li>
 * <li>{@code field OP number}, {@code OP} one of {@code >= <= > < = !=}, on a field of {@link StatRow#FIELDS}
 * (times in ms, allocated bytes in bytes, rates per second): {@code count>=10}, {@code p95>250},
 * {@code cpu.mean>5}, {@code allocated.p95>1048576};</li>
 * <li>any other word — the name or a tag value contains it, ignoring case: {@code users};</li>
 * <li>a leading {@code -} negates a term: {@code -route:/health}.</li>
 * </ul>
 */
final class Query {

    private static final Pattern TERM = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)(:|>=|<=|!=|>|<|=)(.*)",
            Pattern.DOTALL);
    private static final Query ALL = new Query("", List.of());

    private final String text;
    private final List<Predicate<StatRow>> terms;

    private Query(String text, List<Predicate<StatRow>> terms) {
        this.text = text;
        this.terms = terms;
    }

    /** Parses {@code text} ({@code null} or blank: everything); an invalid term fails with a message saying why. */
    static Query parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        List<Predicate<StatRow>> terms = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            boolean negated = word.length() > 1 && word.startsWith("-");
            Predicate<StatRow> term = term(negated ? word.substring(1) : word);
            terms.add(negated ? term.negate() : term);
        }
        return new Query(text.trim(), List.copyOf(terms));
    }

    String text() {
        return text;
    }

    boolean test(StatRow row) {
        for (Predicate<StatRow> term : terms) {
            if (!term.test(row)) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<StatRow> term(String word) {
        Matcher matcher = TERM.matcher(word);
        if (!matcher.matches()) {
            String needle = word.toLowerCase(Locale.ROOT);
            return row -> contains(row, needle);
        }
        String key = matcher.group(1);
        String op = matcher.group(2);
        String value = matcher.group(3);
        if (op.equals(":")) {
            Pattern glob = glob(value);
            return switch (key) {
                case "name" -> row -> glob.matcher(row.name()).matches()
                        || (row.cpu() != null && glob.matcher(row.cpu().name()).matches())
                        || (row.allocated() != null && glob.matcher(row.allocated().name()).matches());
                case "type" -> row -> glob.matcher(row.kind().label).matches();
                default -> row -> {
                    String tag = row.meter().tag(key);
                    return tag != null && glob.matcher(tag).matches();
                };
            };
        }
        if (!Arrays.asList(StatRow.FIELDS).contains(key)) {
            throw new IllegalArgumentException("unknown field '" + key + "' in '" + word + "'; fields: "
                    + String.join(", ", StatRow.FIELDS) + " (tags are matched with key:value)");
        }
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' in '" + word + "' is not a number");
        }
        return row -> compare(row.field(key), op, number);
    }

    private static boolean compare(double field, String op, double number) {
        if (Double.isNaN(field)) {
            return false;
        }
        return switch (op) {
            case ">=" -> field >= number;
            case "<=" -> field <= number;
            case ">" -> field > number;
            case "<" -> field < number;
            case "=" -> field == number;
            default -> field != number;
        };
    }

    private static boolean contains(StatRow row, String needle) {
        if (row.name().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        for (Tag tag : row.meter().tags()) {
            if (tag.getValue().toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = value.indexOf('*'); star >= 0; star = value.indexOf('*', start)) {
            regex.append(Pattern.quote(value.substring(start, star))).append(".*");
            start = star + 1;
        }
        regex.append(Pattern.quote(value.substring(start)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
