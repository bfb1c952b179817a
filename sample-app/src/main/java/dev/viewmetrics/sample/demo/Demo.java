package dev.viewmetrics.sample.demo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends N requests to the running sample across every endpoint, 8 at a time, then prints the table per route.
 * Responses are checked: a wrong status fails the demo.
 */
public final class Demo {

    private static final int CONCURRENCY = 8;

    /** The endpoints the demo cycles through, with the status each must answer. */
    static final List<Call> CALLS = List.of(
            new Call("GET", "plain/users/42", 200),
            new Call("GET", "plain/users/42/orders/7", 200),
            new Call("GET", "spring/orders/7", 200),
            new Call("GET", "spring/orders/7/items/3", 200),
            new Call("POST", "spring/orders", 201),
            new Call("GET", "spring/cpu?ms=5", 200),
            new Call("GET", "spring/slow?ms=20", 200),
            new Call("GET", "spring/alloc?kb=512", 200),
            new Call("GET", "spring/fail", 500),
            new Call("GET", "spring/async/1", 200),
            new Call("GET", "mixin/widgets/5", 200),
            new Call("GET", "rest/users/42", 200),
            new Call("GET", "rest/users/42/orders/7", 200),
            new Call("GET", "rest/users/42/locked", 423),
            new Call("GET", "rest/jobs/9", 200));

    private Demo() {
    }

    /**
     * Runs {@code requests} requests against {@code base} and prints progress and the table read from
     * {@code registry}. Returns the number of unexpected responses (0 when all went well).
     */
    public static int run(URI base, int requests, MeterRegistry registry, PrintStream out, boolean terminal)
            throws Exception {
        out.println("Sending " + requests + " requests to " + base + " (" + CONCURRENCY + " at a time) ...");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Progress progress = new Progress(out, requests, terminal);
        AtomicInteger unexpected = new AtomicInteger();
        long before = recorded(registry);
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Call call = CALLS.get(i % CALLS.size());
                sent.add(workers.submit(() -> {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base.resolve(call.path()))
                            .timeout(Duration.ofSeconds(30)).method(call.method(), HttpRequest.BodyPublishers.noBody())
                            .build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != call.status()) {
                        unexpected.incrementAndGet();
                    }
                    progress.step();
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            workers.shutdownNow();
        }
        awaitRecorded(registry, before + requests);
        out.println();
        out.print(DemoTable.render(registry));
        if (unexpected.get() > 0) {
            out.println(unexpected.get() + " responses had an unexpected status");
        }
        return unexpected.get();
    }

    /** Async requests are recorded when the container completes them, a moment after the client has its answer. */
    private static void awaitRecorded(MeterRegistry registry, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (recorded(registry) < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static long recorded(MeterRegistry registry) {
        return registry.find("view.duration").timers().stream().mapToLong(Timer::count).sum();
    }

    /** One request of the demo. */
    record Call(String method, String path, int status) {
    }
}
