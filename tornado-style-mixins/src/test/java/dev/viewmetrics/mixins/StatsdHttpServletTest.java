package dev.viewmetrics.mixins;

import dev.viewmetrics.core.testing.StreamLineServer;
import dev.viewmetrics.core.testing.TestServer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler mixin and sprockets' per-request timer, from real servlets in a real container. */
class StatsdHttpServletTest {

    // readme-example: mixin-handler
    public static class WidgetHandler extends StatsdHttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            try (StatsdClient.Timer timer = executionTimer("widgets", "load")) {
                increaseCounter("widgets", "served");
            }
            recordTiming(0.002, "widgets", "render");
            resp.getWriter().write("widget");
        }
    }
    // end readme-example

    /** Answers 404 or fails, and counts by more than one. */
    public static class PartsHandler extends StatsdHttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            increaseCounter(3, "widgets", "parts");
            resp.sendError(404);
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
            throw new IllegalStateException("read-only");
        }
    }

    /** Completes on another thread. */
    public static class SlowHandler extends StatsdHttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            CompletableFuture.runAsync(() -> {
                sleep(120);
                ((HttpServletResponse) async.getResponse()).setStatus(204);
                async.complete();
            });
        }
    }

    private static TestServer shop(int agentPort) throws Exception {
        return TestServer.builder("").withoutFilter()
                .contextParam("statsd.host", "127.0.0.1").contextParam("statsd.port", Integer.toString(agentPort))
                .contextParam("service", "sample").contextParam("environment", "dev")
                .listener(new StatsdApplication())
                .servlet("/widgets/*", new WidgetHandler()).servlet("/parts/*", new PartsHandler())
                .servlet("/slow", new SlowHandler()).start();
    }

    @Test
    void everyRequestIsTimedBySprocketsNameAndTheMixinMethodsSend() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp()) {
            try (TestServer server = shop(agent.port())) {
                assertThat(server.get("/widgets/7").body()).isEqualTo("widget");
                assertThat(server.get("/parts/missing").statusCode()).isEqualTo(404);
                assertThat(server.send("POST", "/parts/7").statusCode()).isEqualTo(500);
                assertThat(server.get("/slow").statusCode()).isEqualTo(204);
            } // stopping the context stops StatsD, flushing the queue

            List<String> lines = agent.lines();
            assertThat(lines).anyMatch(l -> l.matches("applications\\.sample\\.dev\\.timers\\.WidgetHandler\\.GET\\.200:[0-9.]+\\|ms"))
                    .anyMatch(l -> l.matches("applications\\.sample\\.dev\\.timers\\.PartsHandler\\.GET\\.404:[0-9.]+\\|ms"))
                    .anyMatch(l -> l.matches("applications\\.sample\\.dev\\.timers\\.PartsHandler\\.POST\\.500:[0-9.]+\\|ms"))
                    .contains("applications.sample.dev.counters.widgets.served:1|c",
                            "applications.sample.dev.counters.widgets.parts:3|c",
                            "applications.sample.dev.timers.widgets.render:2|ms")
                    .anyMatch(l -> l.matches("applications\\.sample\\.dev\\.timers\\.widgets\\.load:[0-9.]+\\|ms"));
            String slow = lines.stream().filter(l -> l.contains("timers.SlowHandler.GET.204:")).findFirst().orElseThrow();
            assertThat(Double.parseDouble(slow.replaceAll(".*:([0-9.]+)\\|ms", "$1"))).isGreaterThanOrEqualTo(120.0);
            assertThat(lines).filteredOn(l -> l.contains("timers.SlowHandler")).hasSize(1);
        }
    }

    @Test
    void withoutARunningApplicationTheHandlerMethodsAreNoOps() throws Exception {
        assertHandlersServeAndSendNothing(builder -> builder); // an agent configured, no listener
    }

    @Test
    void withStatsdDisabledTheHandlerMethodsAreNoOps() throws Exception {
        assertHandlersServeAndSendNothing(builder -> builder.contextParam("statsd.enabled", "false")
                .listener(new StatsdApplication()));
    }

    /** The handlers answer as usual in an application that configures an agent, which receives nothing. */
    private static void assertHandlersServeAndSendNothing(UnaryOperator<TestServer.Builder> application)
            throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp()) {
            try (TestServer server = application.apply(TestServer.builder("").withoutFilter()
                    .contextParam("statsd.host", "127.0.0.1").contextParam("statsd.port", Integer.toString(agent.port()))
                    .servlet("/widgets/*", new WidgetHandler()).servlet("/slow", new SlowHandler())).start()) {
                assertThat(server.get("/widgets/7").body()).isEqualTo("widget");
                assertThat(server.get("/slow").statusCode()).isEqualTo(204);
            }

            AgentSilence.assertOnlyTheMarkerArrives(agent);
        }
    }

    @Test
    void linesProducedWhileTheAgentRestartsAreQueuedAndReplayedInOrder() throws Exception {
        StreamLineServer agent = StreamLineServer.tcp();
        int port = agent.port();
        try (TestServer server = shop(port)) {
            for (int i = 0; i < 20; i++) {
                server.get("/widgets/" + i);
            }
            agent.awaitLines(20 * 4, Duration.ofSeconds(10));
            agent.stopGracefully(Duration.ofSeconds(5));
            List<String> before = agent.lines();

            for (int i = 0; i < 20; i++) {
                server.get("/widgets/" + i); // the agent is down
            }
            try (StreamLineServer restarted = StreamLineServer.tcp(port)) {
                restarted.awaitLines(20 * 4, Duration.ofSeconds(15));
                assertThat(before).filteredOn(l -> l.contains("counters.widgets.served")).hasSize(20);
                assertThat(restarted.lines()).filteredOn(l -> l.contains("counters.widgets.served")).hasSize(20);
                assertThat(restarted.lines()).filteredOn(l -> l.contains("timers.WidgetHandler.GET.200")).hasSize(20);
            }
        } finally {
            agent.close();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
