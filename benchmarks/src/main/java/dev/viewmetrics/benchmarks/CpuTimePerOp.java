package dev.viewmetrics.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link FilterOverheadBenchmark}'s methods measured by the CPU time of the calling thread per operation instead of
 * wall time: on a machine shared with other work, time the thread spends waiting for a core does not count, so the
 * differences between methods stay visible where JMH's wall-time scores drown in the load. The methods take turns
 * in rounds of {@code ops} calls; the first third of the rounds warm up and are not reported.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.viewmetrics.benchmarks.CpuTimePerOp [rounds] [ops] [method ...]
 * </pre>
 */
public final class CpuTimePerOp {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimePerOp() {
    }

    /** One call of a benchmark method. */
    @FunctionalInterface
    interface Op {
        Object call() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        FilterOverheadBenchmark benchmark = new FilterOverheadBenchmark();
        benchmark.setUp();
        try {
            Map<String, Op> methods = methods(benchmark);
            List<String> chosen = args.length > 2 ? List.of(args).subList(2, args.length)
                    : List.of("baseline", "viewmetricsNoCpu", "viewmetricsAllocationNoCpu", "allocationClock",
                            "allocatedRecording");
            Map<String, Op> selected = new LinkedHashMap<>();
            for (String name : chosen) {
                Op op = methods.get(name);
                if (op == null) {
                    throw new IllegalArgumentException("no method " + name + "; methods: " + methods.keySet());
                }
                selected.put(name, op);
            }
            print(measure(selected, rounds, ops), rounds, ops);
        } finally {
            benchmark.tearDown();
        }
    }

    /**
     * Runs {@code methods} in turns, {@code rounds} rounds of {@code ops} calls each, and returns each method's CPU
     * nanoseconds per call in the rounds after the first third (the warm-up), in round order.
     */
    static Map<String, List<Double>> measure(Map<String, Op> methods, int rounds, int ops) throws Exception {
        Map<String, List<Double>> perOp = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Op> method : methods.entrySet()) {
                Op op = method.getValue();
                long start = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < ops; i++) {
                    op.call();
                }
                long cpu = THREADS.getCurrentThreadCpuTime() - start;
                if (round >= rounds / 3) {
                    perOp.computeIfAbsent(method.getKey(), key -> new ArrayList<>()).add(cpu / (double) ops);
                }
            }
        }
        return perOp;
    }

    /** Prints min, quartiles and median of each method's rounds. */
    static void print(Map<String, List<Double>> perOp, int rounds, int ops) {
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s  (CPU ns/op over %d rounds of %d calls)%n",
                "method", "min", "p25", "median", "p75", rounds - rounds / 3, ops);
        perOp.forEach((name, values) -> {
            List<Double> sorted = sorted(values);
            int n = sorted.size();
            System.out.printf(Locale.ROOT, "%-28s %8.1f %8.1f %8.1f %8.1f%n", name, sorted.get(0),
                    sorted.get(n / 4), sorted.get(n / 2), sorted.get(3 * n / 4));
        });
    }

    static List<Double> sorted(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted;
    }

    private static Map<String, Op> methods(FilterOverheadBenchmark b) {
        Map<String, Op> methods = new LinkedHashMap<>();
        methods.put("baseline", b::baseline);
        methods.put("viewmetrics", b::viewmetrics);
        methods.put("viewmetricsNoCpu", b::viewmetricsNoCpu);
        methods.put("viewmetricsAllocationNoCpu", b::viewmetricsAllocationNoCpu);
        methods.put("springObservation", b::springObservation);
        methods.put("dropwizard", b::dropwizard);
        methods.put("javamelody", b::javamelody);
        methods.put("cpuClock", b::cpuClock);
        methods.put("cpuClockAroundRequest", b::cpuClockAroundRequest);
        methods.put("allocationClock", b::allocationClock);
        methods.put("allocatedRecording", b::allocatedRecording);
        return methods;
    }
}
