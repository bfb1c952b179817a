package dev.viewmetrics.stats;

/**
 * How the command line shows the values of a distribution: timers in milliseconds, summaries of bytes (allocated
 * heap, {@code view.allocated}) in KiB as the stats page does, other summaries as they are. JDK only.
 */
record ShownUnit(String suffix, double divisor) {

    private static final ShownUnit MILLIS = new ShownUnit("ms", 1);
    private static final ShownUnit KIB = new ShownUnit("KiB", 1024);
    private static final ShownUnit AS_IS = new ShownUnit("", 1);

    /** The unit a record of {@code kind} with the meter's base unit {@code baseUnit} (or {@code null}) is shown in. */
    static ShownUnit of(MeterKind kind, String baseUnit) {
        if (kind == MeterKind.TIMER) {
            return MILLIS;
        }
        return "bytes".equals(baseUnit) ? KIB : AS_IS;
    }

    /** {@code value} in this unit, three decimals, {@code -} when unknown. */
    String format(double value) {
        return TextTable.millis(value / divisor);
    }

    /** A column header, e.g. {@code mean KiB}. */
    String header(String statistic) {
        return suffix.isEmpty() ? statistic : statistic + " " + suffix;
    }
}
