package dev.viewmetrics.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link FullStackBenchmark}'s two stacks, filter off and on, in one JVM: they take turns in rounds of {@code ops}
 * requests, each measured by the CPU time of the calling thread, which runs the whole request (Jetty's
 * {@code LocalConnector} parses and serves it on the thread that hands it the bytes). Taking turns in one JVM
 * cancels what differs between JVMs (compiled code, placement on the cores) and what the machine's other work does
 * over time; the ratio of each round's on to its off is printed with its median.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.viewmetrics.benchmarks.FullStackCpuTimePerOp [rounds] [ops] [agent] [path ...]
 * </pre>
 * Defaults: 30 rounds of 20 000 requests, {@code agent} {@code statsd}, paths {@code /plain/users/42},
 * {@code /spring/orders/42} and {@code /rest/users/42}; the first third of the rounds warm up and are not reported.
 * {@code -Dstacks=on} (or {@code off}) runs the one kind of stack alone, for a profiler.
 */
public final class FullStackCpuTimePerOp {

    private FullStackCpuTimePerOp() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String agent = args.length > 2 ? args[2] : "statsd";
        List<String> paths = args.length > 3 ? List.of(args).subList(3, args.length)
                : List.of("/plain/users/42", "/spring/orders/42", "/rest/users/42");
        String only = System.getProperty("stacks", "both");
        List<FullStackBenchmark> stacks = new ArrayList<>();
        Map<String, CpuTimePerOp.Op> methods = new LinkedHashMap<>();
        try {
            for (String path : paths) {
                for (boolean on : new boolean[] {false, true}) {
                    if (!only.equals("both") && !only.equals(on ? "on" : "off")) {
                        continue;
                    }
                    FullStackBenchmark stack = new FullStackBenchmark();
                    stack.path = path;
                    stack.agent = agent;
                    stack.start(on);
                    stacks.add(stack);
                    methods.put((on ? "filterOn  " : "filterOff ") + path, stack::get);
                }
            }
            Map<String, List<Double>> perOp = CpuTimePerOp.measure(methods, rounds, ops);
            CpuTimePerOp.print(perOp, rounds, ops);
            for (String path : only.equals("both") ? paths : List.<String>of()) {
                List<Double> off = perOp.get("filterOff " + path);
                List<Double> on = perOp.get("filterOn  " + path);
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < off.size(); i++) {
                    ratios.add(on.get(i) / off.get(i));
                }
                List<Double> sorted = CpuTimePerOp.sorted(ratios);
                System.out.printf(Locale.ROOT, "%-28s median %.3f (p25 %.3f, p75 %.3f) of %d rounds; on - off = %.0f ns%n",
                        "on/off " + path, sorted.get(sorted.size() / 2), sorted.get(sorted.size() / 4),
                        sorted.get(3 * sorted.size() / 4), sorted.size(),
                        median(on) - median(off));
            }
        } finally {
            for (FullStackBenchmark stack : stacks) {
                stack.tearDown();
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = CpuTimePerOp.sorted(values);
        return sorted.get(sorted.size() / 2);
    }
}
