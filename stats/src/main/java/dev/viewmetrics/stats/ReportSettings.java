package dev.viewmetrics.stats;

import dev.viewmetrics.core.config.Settings;

import java.nio.file.Path;
import java.time.Duration;

/** The configuration keys of the reporting components and how their values are read. */
final class ReportSettings {

    static final String REPORT_JSON = "report.json";
    static final String REPORT_FILE = "report.file";
    static final String REPORT_INTERVAL = "report.interval";
    static final String MMAP = "stats.mmap";
    static final String MMAP_DIR = "stats.mmap-dir";
    static final String MMAP_INTERVAL = "stats.mmap-interval";
    static final String SERVICE = "service";

    private ReportSettings() {
    }

    /** The {@code service} setting made safe for a file name, or {@code viewmetrics}. */
    static String service(Settings settings) {
        return settings.get(SERVICE, "viewmetrics").replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static Path tmpdir() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A duration setting that must be above zero. */
    static Duration positive(Settings settings, String key, Duration fallback) {
        Duration value = settings.getDuration(key, fallback);
        if (value.isZero() || value.isNegative()) {
            throw Settings.invalid(key, settings.get(key), "a positive duration such as 500ms, 10s or 2m");
        }
        return value;
    }

    /** A path setting with {@code {pid}} and {@code {service}} replaced. */
    static Path path(Settings settings, String key, String fallback) {
        String value = settings.get(key, fallback);
        return Path.of(value.replace("{pid}", Long.toString(pid())).replace("{service}", service(settings)));
    }
}
