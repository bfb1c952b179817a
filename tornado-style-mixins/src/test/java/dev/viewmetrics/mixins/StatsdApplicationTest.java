package dev.viewmetrics.mixins;

import dev.viewmetrics.core.statsd.ConnectorSettings;
import dev.viewmetrics.core.testing.StreamLineServer;
import dev.viewmetrics.core.testing.TestServer;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings from context init-params over an injected environment, like sprockets (which read os.environ). */
class StatsdApplicationTest {

    private static ServletContext context(TestServer server) {
        return server.context().getServletContext();
    }

    /** Starts StatsD, counts one hit, stops (flushing): the lines {@code agent} then has. */
    private static List<String> linesOfOneHit(StatsdApplication application, StreamLineServer agent) {
        StatsdClient client = application.startStatsd();
        assertThat(client.isEnabled()).as("StatsD enabled").isTrue();
        client.incr("hits", 1);
        application.stopStatsd();
        agent.awaitLines(1, Duration.ofSeconds(10));
        return agent.lines();
    }

    /** Environment variables naming {@code agent} ({@code STATSD_HOST}, {@code STATSD_PORT}), and {@code more}. */
    private static Map<String, String> sendingTo(StreamLineServer agent, String... more) {
        Map<String, String> env = new HashMap<>(Map.of("STATSD_HOST", "127.0.0.1",
                "STATSD_PORT", Integer.toString(agent.port())));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static TestServer server(Map<String, String> contextParams) throws Exception {
        TestServer.Builder builder = TestServer.builder("").withoutFilter();
        contextParams.forEach(builder::contextParam);
        return builder.start();
    }

    @Test
    void initParamsOverrideTheEnvironment() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                TestServer server = server(Map.of("statsd.host", "127.0.0.1", "statsd.port",
                        Integer.toString(agent.port()), "statsd.prefix", "from.init.param"))) {
            Map<String, String> env = Map.of("STATSD_HOST", "unreachable.invalid", "STATSD_PORT", "1",
                    "STATSD_PREFIX", "from.env");
            StatsdApplication application = new StatsdApplication(context(server), env::get);

            assertThat(linesOfOneHit(application, agent)).containsExactly("from.init.param.counters.hits:1|c");
        }
    }

    @Test
    void environmentConfiguresWhatInitParamsLeaveOpenAndTcpIsTheDefault() throws Exception {
        try (TestServer server = server(Map.of())) {
            Map<String, String> env = Map.of("STATSD_HOST", "127.0.0.1", "STATSD_PORT", "9999",
                    "SERVICE", "shop", "ENVIRONMENT", "prod");
            StatsdApplication application = new StatsdApplication(context(server), env::get);
            StatsdClient client = application.startStatsd();
            try {
                ConnectorSettings settings = client.connector().settings();
                assertThat(settings.host()).isEqualTo("127.0.0.1");
                assertThat(settings.port()).isEqualTo(9999);
                assertThat(settings.protocol()).isEqualTo(ConnectorSettings.Protocol.TCP);
            } finally {
                application.stopStatsd();
            }
        }
    }

    @Test
    void protocolCanBeUdp() throws Exception {
        try (TestServer server = server(Map.of("statsd.protocol", "udp"))) {
            StatsdApplication application = new StatsdApplication(context(server),
                    Map.of("STATSD_HOST", "127.0.0.1")::get);
            try {
                assertThat(application.startStatsd().connector().settings().protocol())
                        .isEqualTo(ConnectorSettings.Protocol.UDP);
            } finally {
                application.stopStatsd();
            }
        }
    }

    @Test
    void prefixDefaultsToApplicationsServiceEnvironment() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp();
                TestServer server = server(Map.of("service", "sample", "environment", "dev"))) {
            Map<String, String> env = sendingTo(agent);
            StatsdApplication application = new StatsdApplication(context(server), env::get);

            assertThat(linesOfOneHit(application, agent)).containsExactly("applications.sample.dev.counters.hits:1|c");
        }
    }

    @Test
    void emptyPrefixVariableMeansNoPrefix() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp(); TestServer server = server(Map.of())) {
            Map<String, String> env = new HashMap<>(Map.of("STATSD_HOST", "127.0.0.1",
                    "STATSD_PORT", Integer.toString(agent.port()), "SERVICE", "shop", "ENVIRONMENT", "prod"));
            env.put("STATSD_PREFIX", "");
            StatsdApplication application = new StatsdApplication(context(server), env::get);

            assertThat(linesOfOneHit(application, agent)).containsExactly("counters.hits:1|c");
        }
    }

    @Test
    void missingHostIsAStartUpErrorNamingTheVariable() throws Exception {
        try (TestServer server = server(Map.of())) {
            StatsdApplication application = new StatsdApplication(context(server), Map.<String, String>of()::get);
            assertThatThrownBy(application::startStatsd).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("STATSD_HOST");
        }
    }

    @Test
    void disabledStatsdNeedsNoHost() throws Exception {
        try (TestServer server = server(Map.of())) {
            StatsdApplication application = new StatsdApplication(context(server), Map.of("STATSD_ENABLED", "no")::get);
            assertThat(application.startStatsd().isEnabled()).isFalse();
            application.stopStatsd();
        }
    }

    /** Each documented "no" turns StatsD off even with an agent configured: every call is made, nothing arrives. */
    @ParameterizedTest(name = "STATSD_ENABLED={0}")
    @ValueSource(strings = {"no", "false", "off", "f", "0", "NO", "False"})
    void disabledStatsdSendsNothingToTheConfiguredAgent(String no) throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp(); TestServer server = server(Map.of())) {
            StatsdApplication application = new StatsdApplication(context(server),
                    sendingTo(agent, "STATSD_ENABLED", no)::get);
            StatsdClient client = application.startStatsd();
            assertThat(client.isEnabled()).isFalse();
            assertThat(StatsdApplication.client(context(server))).isSameAs(client);
            client.incr("x", 1);
            client.decr("x", 1);
            client.gauge("g", -2);
            client.adjustGauge("g", 1);
            client.timing("t", 0.5);
            client.timer("t").close();
            application.stopStatsd();

            AgentSilence.assertOnlyTheMarkerArrives(agent);
        }
    }

    @ParameterizedTest(name = "STATSD_ENABLED={0}")
    @ValueSource(strings = {"yes", "true", "on", "t", "1", "YES", "True"})
    void eachDocumentedYesTurnsStatsdOn(String yes) throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp(); TestServer server = server(Map.of())) {
            StatsdApplication application = new StatsdApplication(context(server),
                    sendingTo(agent, "STATSD_ENABLED", yes)::get);

            assertThat(linesOfOneHit(application, agent)).containsExactly("counters.hits:1|c");
        }
    }

    @Test
    void anUnknownEnabledValueIsAStartUpErrorNamingTheKey() throws Exception {
        try (TestServer server = server(Map.of())) {
            StatsdApplication application = new StatsdApplication(context(server),
                    Map.of("STATSD_ENABLED", "maybe", "STATSD_HOST", "127.0.0.1")::get);
            assertThatThrownBy(application::startStatsd).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'statsd.enabled'").hasMessageContaining("'maybe'");
        }
    }

    @Test
    void startIsIdempotentAndStopFlushes() throws Exception {
        try (StreamLineServer agent = StreamLineServer.tcp(); TestServer server = server(Map.of())) {
            Map<String, String> env = sendingTo(agent, "STATSD_ENABLED", "yes");
            StatsdApplication application = new StatsdApplication(context(server), env::get);
            StatsdClient first = application.startStatsd();
            assertThat(application.startStatsd()).isSameAs(first);
            assertThat(StatsdApplication.client(context(server))).isSameAs(first);
            for (int i = 0; i < 500; i++) {
                first.incr("burst", 1);
            }
            application.stopStatsd();
            application.stopStatsd();

            assertThat(first.connector().dropped("closed")).isZero();
            agent.awaitLines(500, Duration.ofSeconds(10)); // flushed by stop, now in flight to the agent
            assertThat(agent.lineCount()).isEqualTo(500);
            assertThat(StatsdApplication.client(context(server)).isEnabled()).isFalse();
        }
    }
}
