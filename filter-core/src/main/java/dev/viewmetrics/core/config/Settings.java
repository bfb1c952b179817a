package dev.viewmetrics.core.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Configuration values by key, from explicit settings (web.xml init-params, builder calls) first and
 * the process environment second. Keys are those of the README's configuration table ({@code statsd.host},
 * {@code service}, …); every invalid value fails fast with a message naming the key.
 */
public final class Settings {

    private static final Map<String, List<String>> EXTRA_ENV_NAMES = Map.of(
            "service", List.of("DD_SERVICE"),
            "environment", List.of("DD_ENV"),
            "version", List.of("DD_VERSION"));

    /** Keys other than {@code statsd.*} and the global tags read their variable as {@code VIEWMETRICS_KEY}. */
    private static final String PREFIX = "VIEWMETRICS_";

    private final Function<String, String> explicit;
    private final Function<String, String> environment;

    private Settings(Function<String, String> explicit, Function<String, String> environment) {
        this.explicit = Objects.requireNonNull(explicit, "explicit");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * Settings read from {@code explicit} first, then from {@code environment} (pass {@code System::getenv}
     * in production, a map's {@code get} in tests).
     */
    public static Settings of(Function<String, String> explicit, Function<String, String> environment) {
        return new Settings(explicit, environment);
    }

    /** Settings from the process environment only. */
    public static Settings fromEnvironment() {
        return new Settings(key -> null, System::getenv);
    }

    /**
     * The environment variable names consulted for {@code key}, in order: {@code statsd.queue-size} →
     * {@code STATSD_QUEUE_SIZE}; {@code service} → {@code SERVICE}, {@code DD_SERVICE}; any other key →
     * {@code VIEWMETRICS_} and the key ({@code cpu-time} → {@code VIEWMETRICS_CPU_TIME}).
     */
    public static List<String> environmentNames(String key) {
        List<String> names = new ArrayList<>();
        String upper = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        if (key.startsWith("statsd.") || EXTRA_ENV_NAMES.containsKey(key)) {
            names.add(upper);
        } else {
            names.add(PREFIX + upper);
        }
        names.addAll(EXTRA_ENV_NAMES.getOrDefault(key, List.of()));
        return names;
    }

    /** The raw value of {@code key}, trimmed, or {@code null} when unset or blank. */
    public String get(String key) {
        String value = blankToNull(explicit.apply(key));
        if (value != null) {
            return value;
        }
        for (String name : environmentNames(key)) {
            value = blankToNull(environment.apply(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * The value of {@code key} even when it is set to blank ({@code ""}), or {@code null} when it is not set at
     * all: for settings where "empty" means something, such as a prefix that is explicitly none.
     */
    public String getAllowingEmpty(String key) {
        String value = explicit.apply(key);
        if (value != null) {
            return value.trim();
        }
        for (String name : environmentNames(key)) {
            value = environment.apply(name);
            if (value != null) {
                return value.trim();
            }
        }
        return null;
    }

    /** The value of {@code key}, or {@code fallback} when unset. */
    public String get(String key, String fallback) {
        String value = get(key);
        return value != null ? value : fallback;
    }

    /** A whole number in {@code [min, max]}. */
    public int getInt(String key, int fallback, int min, int max) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(key, value, "a whole number from " + min + " to " + max);
    }

    /** {@code true|yes|on|1} or {@code false|no|off|0}, any case. */
    public boolean getBoolean(String key, boolean fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "t", "y", "1":
                return true;
            case "false", "no", "off", "f", "n", "0":
                return false;
            default:
                throw invalid(key, value, "true or false");
        }
    }

    /** A duration: {@code 250ms}, {@code 10s}, {@code 2m}, ISO-8601 {@code PT10S}, or a bare number of milliseconds. */
    public Duration getDuration(String key, Duration fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        Duration parsed = Durations.parse(value);
        if (parsed == null) {
            throw invalid(key, value, "a duration such as 250ms, 10s, 2m, PT10S or a whole number of milliseconds, "
                    + "not negative");
        }
        return parsed;
    }

    /** A comma-separated list, entries trimmed, empty entries dropped. */
    public List<String> getList(String key) {
        String value = get(key);
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                String trimmed = item.trim();
                if (!trimmed.isEmpty()) {
                    items.add(trimmed);
                }
            }
        }
        return items;
    }

    /** The error for an invalid value: names the key, the value and what is accepted. */
    public static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("viewmetrics: setting '" + key + "' must be " + expected
                + ", but was '" + value + "'");
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
