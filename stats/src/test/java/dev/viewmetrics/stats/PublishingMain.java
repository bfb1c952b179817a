package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A second process for tests: publishes a registry to a {@code .vmstats} file and a JSON report in the directory
 * {@code args[0]} while it counts jobs ({@code jobs.done} +1 and a 5 ms {@code jobs.time} every 10 ms, gauge
 * {@code jobs.queue}). Prints {@code ready} when both files exist; ends when its stdin closes or after 60 s.
 */
public final class PublishingMain {

    private PublishingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Counter done = Counter.builder("jobs.done").tag("queue", "mail").register(registry);
        Timer time = Timer.builder("jobs.time").tag("queue", "mail").register(registry);
        AtomicLong queue = registry.gauge("jobs.queue", new AtomicLong());
        MmapPublisher publisher = MmapPublisher.builder(registry).directory(dir).service("worker")
                .interval(Duration.ofMillis(50)).start();
        JsonFileReporter reporter = JsonFileReporter.builder(registry).file(dir.resolve("worker.json"))
                .interval(Duration.ofMillis(50)).start();
        System.out.println("ready " + publisher.file() + " " + reporter.file());
        System.out.flush();
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // until the test closes our stdin (or dies)
                }
            } catch (java.io.IOException ignored) {
                // the pipe is gone: so is the test
            }
            Runtime.getRuntime().halt(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        long end = System.nanoTime() + 60_000_000_000L;
        for (long i = 1; System.nanoTime() < end; i++) {
            done.increment();
            time.record(Duration.ofMillis(5));
            queue.set(i % 10);
            Thread.sleep(10);
        }
        publisher.close();
        reporter.close();
    }
}
