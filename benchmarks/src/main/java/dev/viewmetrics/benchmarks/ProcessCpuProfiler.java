package dev.viewmetrics.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * A JMH profiler reporting the CPU time of the whole benchmark JVM per operation ({@code cpu.process.norm}, ns/op):
 * every thread's, the garbage collector's and the StatsD sender's included, and none of the time spent waiting for a
 * core. On a machine shared with other work it compares two methods where wall time cannot.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar FullStackBenchmark -prof dev.viewmetrics.benchmarks.ProcessCpuProfiler
 * </pre>
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long startCpu;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM (all threads) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = OS.getProcessCpuTime();
    }

    @Override
    public List<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = OS.getProcessCpuTime() - startCpu;
        long ops = result.getMetadata().getAllOps();
        double perOp = ops == 0 ? Double.NaN : cpu / (double) ops;
        return List.of(new ScalarResult("cpu.process.norm", perOp, "ns/op", AggregationPolicy.AVG));
    }
}
