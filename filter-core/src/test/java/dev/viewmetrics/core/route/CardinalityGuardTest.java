package dev.viewmetrics.core.route;

import static dev.viewmetrics.core.route.CardinalityGuard.OTHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardinalityGuardTest {

    @Test
    void routesAreAdmittedUntilTheLimitThenReportedAsOther() {
        CardinalityGuard guard = new CardinalityGuard(2);

        assertThat(guard.admit("/a")).isEqualTo("/a");
        assertThat(guard.admit("/b")).isEqualTo("/b");
        assertThat(guard.admit("/c")).isEqualTo(OTHER);
        assertThat(guard.size()).isEqualTo(2);
    }

    @Test
    void anAdmittedRouteStaysAdmittedAfterTheLimitIsReached() {
        CardinalityGuard guard = new CardinalityGuard(1);
        guard.admit("/a");
        guard.admit("/b");

        assertThat(guard.admit("/a")).isEqualTo("/a");
        assertThat(guard.admit("/b")).isEqualTo(OTHER);
    }

    @Test
    void admittingTheSameRouteAgainTakesNoRoom() {
        CardinalityGuard guard = new CardinalityGuard(2);
        guard.admit("/a");
        guard.admit("/a");

        assertThat(guard.size()).isEqualTo(1);
        assertThat(guard.admit("/b")).isEqualTo("/b");
    }

    @Test
    void tenThousandDistinctRoutesWithLimit500AdmitExactlyTheFirst500() {
        CardinalityGuard guard = new CardinalityGuard(500);

        List<String> results = IntStream.range(0, 10_000).mapToObj(i -> guard.admit("/route/" + i)).toList();

        assertThat(results.subList(0, 500)).doesNotContain(OTHER);
        assertThat(results.subList(500, 10_000)).containsOnly(OTHER);
        assertThat(guard.size()).isEqualTo(500);
    }

    @Test
    void concurrentAdmissionsNeverExceedTheLimit() throws Exception {
        int threads = 8;
        int routesPerThread = 2_000;
        int limit = 500;
        CardinalityGuard guard = new CardinalityGuard(limit);

        List<String> admitted = runConcurrently(threads, thread -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < routesPerThread; i++) {
                String route = "/t" + thread + "/" + i;
                if (guard.admit(route).equals(route)) {
                    mine.add(route);
                }
            }
            return mine;
        });

        assertThat(admitted).hasSize(limit).doesNotHaveDuplicates();
        assertThat(guard.size()).isEqualTo(limit);
        assertThat(admitted).allSatisfy(route -> assertThat(guard.admit(route)).isEqualTo(route));
    }

    @Test
    void aRouteRacedByManyThreadsIsAdmittedOnceAndReturnedToAll() throws Exception {
        CardinalityGuard guard = new CardinalityGuard(3);

        List<String> results = runConcurrently(8, thread -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                mine.add(guard.admit("/shared/" + i % 3));
            }
            return mine;
        });

        assertThat(results).doesNotContain(OTHER);
        assertThat(guard.size()).isEqualTo(3);
    }

    @Test
    void lookingUpAnAdmittedRouteAllocatesNothing() {
        CardinalityGuard guard = new CardinalityGuard(10);
        String route = "/users/{id}";
        guard.admit(route);

        long bytes = Allocations.steadyStateBytesAllocatedBy(() -> {
            if (guard.admit(route) != route) {
                throw new AssertionError(route);
            }
        });

        assertThat(bytes).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void limitBelowOneIsRejected(int maxRoutes) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CardinalityGuard(maxRoutes))
                .withMessageContaining("maxRoutes must be at least 1, was " + maxRoutes);
    }

    /** Runs the task on that many threads released at once and returns all their results. */
    private static List<String> runConcurrently(int threads, ThreadTask task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                Callable<List<String>> call = () -> {
                    start.await();
                    return task.run(id);
                };
                futures.add(executor.submit(call));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            executor.shutdownNow();
        }
    }

    private interface ThreadTask {
        List<String> run(int thread);
    }
}
