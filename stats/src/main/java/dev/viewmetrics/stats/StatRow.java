package dev.viewmetrics.stats;

/**
 * One line of the stats page and one entry of its JSON: a meter, the CPU timer and the allocation summary paired
 * with it when there are ({@code view.duration} with {@code view.cpu} and {@code view.allocated}, a
 * {@code TimingStats} block {@code x} with {@code x.cpu} and {@code x.allocated}, same tags), and the meter's
 * 1/5/15-minute rates.
 */
record StatRow(MeterValues meter, MeterValues cpu, MeterValues allocated, double[] rates) {

    /** Query fields, in the order the README lists them. */
    static final String[] FIELDS = {"count", "m1", "m5", "m15", "mean", "max", "total", "p50", "p95", "p99", "value",
        "cpu.mean", "cpu.max", "cpu.total", "cpu.p50", "cpu.p95", "cpu.p99", "allocated.mean", "allocated.max",
        "allocated.total", "allocated.p50", "allocated.p95", "allocated.p99"};

    String name() {
        return meter.name();
    }

    MeterKind kind() {
        return meter.kind();
    }

    /** The number a query field stands for ({@code NaN} when this row has none). */
    double field(String field) {
        if (field.startsWith("cpu.")) {
            return cpu == null ? Double.NaN : distributionField(cpu, field.substring(4));
        }
        if (field.startsWith("allocated.")) {
            return allocated == null ? Double.NaN : distributionField(allocated, field.substring(10));
        }
        return switch (field) {
            case "count" -> meter.count();
            case "m1" -> rates[0];
            case "m5" -> rates[1];
            case "m15" -> rates[2];
            case "value" -> meter.value();
            default -> distributionField(meter, field);
        };
    }

    private static double distributionField(MeterValues values, String field) {
        return switch (field) {
            case "mean" -> values.mean();
            case "max" -> values.max();
            case "total" -> values.total();
            case "p50" -> values.p50();
            case "p95" -> values.p95();
            case "p99" -> values.p99();
            default -> Double.NaN;
        };
    }
}
