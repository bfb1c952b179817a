package dev.viewmetrics.stats;

/** What a meter is, as the stats page, the JSON reports and {@code .vmstats} files name it (JDK only). */
enum MeterKind {
    COUNTER(1, "counter"),
    GAUGE(2, "gauge"),
    TIMER(3, "timer"),
    SUMMARY(4, "summary"),
    LONG_TASK_TIMER(5, "long_task_timer"),
    OTHER(6, "other");

    /** The type byte of a {@code .vmstats} record. */
    final int code;
    /** The name in JSON and on the command line. */
    final String label;

    MeterKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Whether its count grows with events (so a rate or a delta means something). */
    boolean counts() {
        return this == COUNTER || this == TIMER || this == SUMMARY;
    }

    /** Whether it is a distribution (count, total, max, percentiles). */
    boolean distribution() {
        return this == TIMER || this == SUMMARY;
    }

    static MeterKind ofCode(int code) {
        for (MeterKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return OTHER;
    }
}
