package dev.viewmetrics.sample;

import dev.viewmetrics.core.testing.EtsyStatsd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The built jar end to end: against the real etsy statsd daemon over UDP and TCP, every endpoint's requests are
 * counted per route, CPU time tells work from waiting, and allocated bytes are what the endpoint allocated; and
 * {@code --demo} runs without any agent.
 */
class SampleAppIT {

    private static final int ROUNDS = 3;

    /** Each endpoint of the contract: method, path, status, route as reported, and a handled exception if any. */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"GET", "plain/users/42", "200", "/plain/users/{id}"},
            new String[] {"GET", "plain/users/42/orders/7", "200", "/plain/users/{id}/orders/{orderId}"},
            new String[] {"GET", "spring/orders/7", "200", "/spring/orders/{orderId}"},
            new String[] {"GET", "spring/orders/7/items/3", "200", "/spring/orders/{orderId}/items/{itemId}"},
            new String[] {"POST", "spring/orders", "201", "/spring/orders"},
            new String[] {"GET", "spring/cpu?ms=5", "200", "/spring/cpu"},
            new String[] {"GET", "spring/slow?ms=5", "200", "/spring/slow"},
            new String[] {"GET", "spring/alloc?kb=512", "200", "/spring/alloc"},
            new String[] {"GET", "spring/fail", "500", "/spring/fail"},
            new String[] {"GET", "spring/async/9", "200", "/spring/async/{id}"},
            new String[] {"GET", "mixin/widgets/5", "200", "/mixin/widgets/{id}"},
            new String[] {"GET", "rest/users/42", "200", "/rest/users/{id}"},
            new String[] {"GET", "rest/users/42/orders/7", "200", "/rest/users/{id}/orders/{orderId}"},
            new String[] {"GET", "rest/users/42/locked", "423", "/rest/users/{id}/locked", "UserLockedException"},
            new String[] {"GET", "rest/jobs/9", "200", "/rest/jobs/{jobId}"});

    @ParameterizedTest(name = "over {0}, {1} flavor")
    @CsvSource({"UDP, datadog", "TCP, etsy"})
    void realStatsdCountsEveryRequestPerRouteAndCpuTellsWorkFromWaiting(EtsyStatsd.Server server, String flavor)
            throws Exception {
        try (EtsyStatsd statsd = EtsyStatsd.start(server);
                SampleProcess app = SampleProcess.start(Map.of("PORT", Integer.toString(SampleProcess.freePort()),
                        "STATSD_HOST", "127.0.0.1", "STATSD_PORT", Integer.toString(statsd.port()),
                        "STATSD_PROTOCOL", server.name().toLowerCase(), "STATSD_FLAVOR", flavor))) {
            app.awaitReady();
            Map<String, Integer> sent = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                for (String[] endpoint : ENDPOINTS) {
                    assertThat(app.send(endpoint[0], endpoint[1]).statusCode()).as(endpoint[1])
                            .isEqualTo(Integer.parseInt(endpoint[2]));
                    sent.merge(key(flavor, "duration", endpoint), 1, Integer::sum);
                }
            }
            // measured last on their routes, after warm-up: 100 ms of work, then 100 ms of waiting
            assertThat(app.send("GET", "spring/cpu?ms=100").statusCode()).isEqualTo(200);
            assertThat(app.send("GET", "spring/slow?ms=100").statusCode()).isEqualTo(200);
            assertThat(app.send("GET", "spring/alloc?kb=8192").statusCode()).isEqualTo(200);
            app.stopGracefully();

            Map<String, List<Double>> timers = statsd.timers();
            for (String[] endpoint : ENDPOINTS) {
                int expected = sent.get(key(flavor, "duration", endpoint)) + (endpoint[3].equals("/spring/cpu")
                        || endpoint[3].equals("/spring/slow") || endpoint[3].equals("/spring/alloc") ? 1 : 0);
                assertThat(timers.get(key(flavor, "duration", endpoint))).as("wall times of %s in %s", endpoint[3],
                        timers.keySet()).hasSize(expected);
                assertThat(timers.get(key(flavor, "cpu", endpoint))).as("CPU times of %s", endpoint[3])
                        .hasSize(expected);
            }
            assertThat(timers.get("applications.sample.dev.timers.WidgetHandler.GET.200")).hasSize(ROUNDS);
            assertThat(statsd.counter("applications.sample.dev.counters.widgets.served")).isEqualTo(ROUNDS);

            List<Double> cpuOfCpu = timers.get(key(flavor, "cpu", ENDPOINTS.get(5)));
            List<Double> cpuOfSlow = timers.get(key(flavor, "cpu", ENDPOINTS.get(6)));
            List<Double> wallOfSlow = timers.get(key(flavor, "duration", ENDPOINTS.get(6)));
            assertThat(last(cpuOfCpu)).as("CPU of /spring/cpu?ms=100").isCloseTo(100.0, within(40.0));
            assertThat(last(cpuOfSlow)).as("CPU of /spring/slow?ms=100").isLessThan(20.0);
            assertThat(last(wallOfSlow)).as("wall of /spring/slow?ms=100").isGreaterThanOrEqualTo(100.0);

            String allocatedOfAlloc = key(flavor, "allocated", ENDPOINTS.get(7));
            double allocatedBytes = ROUNDS * 512 * 1024 + 8 * 1024 * 1024;
            if (flavor.equals("etsy")) { // a timer series in etsy statsd: every request's bytes, percentiles at flush
                for (String[] endpoint : ENDPOINTS) {
                    assertThat(timers.get(key(flavor, "allocated", endpoint))).as("allocated bytes of %s", endpoint[3])
                            .hasSize(timers.get(key(flavor, "duration", endpoint)).size());
                }
                assertThat(last(timers.get(allocatedOfAlloc))).as("allocated by /spring/alloc?kb=8192")
                        .isCloseTo(8.0 * 1024 * 1024, within(0.8 * 1024 * 1024));
            } else { // the Datadog flavor's |h, which etsy statsd adds up as a counter: the bytes of every request
                assertThat(statsd.counter(allocatedOfAlloc)).as("allocated by /spring/alloc (with Spring's first-call "
                        + "work), %s", statsd.counters()).isBetween(0.95 * allocatedBytes, 1.5 * allocatedBytes);
            }
        }
    }

    @Test
    void demoRunsWithoutAnAgentAndPrintsATablePerRoute() throws Exception {
        int requests = 6 * ENDPOINTS.size();
        try (SampleProcess demo = SampleProcess.start(Map.of(), "--demo", Integer.toString(requests))) {
            assertThat(demo.awaitExit(Duration.ofSeconds(90))).as("exit code; output:\n%s", demo.output())
                    .isZero();
            String output = demo.output();
            assertThat(output).contains("in-process registry only").contains("sent " + requests + "/" + requests
                    + " requests").containsPattern("route +method +status +count +p50 ms +p95 ms +p99 ms +cpu ms"
                    + " +alloc KiB");
            for (String[] endpoint : ENDPOINTS) {
                assertThat(output).containsPattern("\\Q" + endpoint[3] + "\\E +" + endpoint[0] + " +" + endpoint[2]
                        + " +6 ");
            }
            Matcher alloc = Pattern.compile("/spring/alloc +GET +200 +6 .* ([0-9.]+)\n").matcher(output);
            assertThat(alloc.find()).as(output).isTrue();
            assertThat(Double.parseDouble(alloc.group(1))).as("mean KiB of /spring/alloc?kb=512, cold JVM included")
                    .isBetween(0.95 * 512, 1.5 * 512);
        }
    }

    /** The key etsy statsd files a request timer under: tags folded by statsd (datadog) or by us (etsy). */
    private static String key(String flavor, String measure, String[] endpoint) {
        String route = endpoint[3];
        if (flavor.equals("etsy")) {
            String path = route.substring(1).replace('/', '.').replace('{', '_').replace('}', '_');
            return "sample.dev.view." + path + "." + endpoint[0] + "." + endpoint[2] + "." + measure;
        }
        int status = Integer.parseInt(endpoint[2]);
        String outcome = status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS";
        String exception = endpoint.length > 4 ? endpoint[4] : status >= 500 ? "IllegalStateException" : "none";
        return "view." + measure + ";route=" + route.replace('/', '-').replace("{", "").replace("}", "") + ";method="
                + endpoint[0] + ";status=" + status + ";outcome=" + outcome + ";exception=" + exception
                + ";service=sample;environment=dev";
    }

    private static double last(List<Double> values) {
        assertThat(values).isNotEmpty();
        return values.get(values.size() - 1);
    }
}
