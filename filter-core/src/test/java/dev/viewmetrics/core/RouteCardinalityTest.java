package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** 10 000 distinct paths never make more than max-routes routes, and every request is still counted. */
class RouteCardinalityTest {

    private static final int REQUESTS = 10_000;
    private static final int MAX_ROUTES = 50;

    @Test
    void distinctPathsBeyondTheLimitAreReportedAsOther() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).maxRoutes(MAX_ROUTES)
                .environmentVariables(key -> null).build();
        AtomicLong served = new AtomicLong();
        try (TestServer server = TestServer.builder("").filter(metrics.filter())
                .servlet("/", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) {
                        served.incrementAndGet(); // the client may retry a GET on a closing connection
                    }
                }).start()) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int worker = 0; worker < 4; worker++) {
                    int first = worker;
                    sent.add(clients.submit(() -> {
                        for (int i = first; i < REQUESTS; i += 4) {
                            server.get("/pages/" + word(i));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : sent) {
                    future.get();
                }
            } finally {
                clients.shutdownNow();
            }
        }

        List<Timer> timers = registry.find("view.duration").timers().stream().collect(Collectors.toList());
        Set<String> routes = timers.stream().map(t -> t.getId().getTag("route")).collect(Collectors.toSet());
        assertThat(routes).hasSize(MAX_ROUTES + 1).contains("OTHER");
        assertThat(served.get()).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(timers.stream().mapToLong(Timer::count).sum()).isEqualTo(served.get());
        // view.duration, view.cpu and view.allocated per route, and view.active
        assertThat(registry.getMeters().stream().map(Meter::getId).filter(id -> id.getName().startsWith("view.")))
                .hasSizeLessThanOrEqualTo(3 * (MAX_ROUTES + 1) + 1);
    }

    /** A letters-only word per number: the normaliser keeps words, so each path is a distinct route. */
    private static String word(int n) {
        StringBuilder word = new StringBuilder("p");
        do {
            word.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return word.toString();
    }
}
