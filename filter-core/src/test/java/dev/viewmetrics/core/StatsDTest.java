package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.EtsyStatsd;
import dev.viewmetrics.core.testing.StreamLineServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import dev.viewmetrics.core.statsd.StatsdLineRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tag-injecting StatsD wrapper, against a real UDP socket. */
class StatsDTest {

    @Test
    void globalTagsAreInjectedIntoEveryMetric() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                StatsD statsd = StatsD.builder().host("127.0.0.1").port(agent.port()).service("shop")
                        .environment("prod").version("1.4.2").environmentVariables(key -> null).build()) {
            statsd.increment("orders.placed", "country", "IS");
            statsd.count("items.sold", 3);
            statsd.timing("checkout", Duration.ofMillis(250));
            statsd.histogram("basket.size", 7);
            try (StatsD.Timing ignored = statsd.timer("render")) {
                Thread.sleep(5);
            }

            assertThat(agent.awaitStartingWith("orders.placed:"))
                    .isEqualTo("orders.placed:1|c|#country:IS,service:shop,environment:prod,version:1.4.2");
            assertThat(agent.awaitStartingWith("items.sold:")).startsWith("items.sold:3|c|#service:shop");
            assertThat(agent.awaitStartingWith("checkout:")).startsWith("checkout:250|ms|#service:shop");
            assertThat(agent.awaitStartingWith("basket.size:")).startsWith("basket.size:7|h|#");
            assertThat(agent.awaitStartingWith("render:")).matches("render:[0-9.]+\\|ms\\|#service:shop.*");
        }
    }

    @Test
    void etsyFlavorUsesServiceAndEnvironmentAsPrefix() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                StatsD statsd = StatsD.builder().host("127.0.0.1").port(agent.port()).flavor("etsy")
                        .service("shop").environment("prod").environmentVariables(key -> null).build()) {
            statsd.increment("orders.placed", "country", "IS");

            assertThat(agent.awaitStartingWith("shop.prod.")).isEqualTo("shop.prod.orders.placed.IS:1|c");
        }
    }

    /** Agents add counter lines up: the real etsy statsd ends with 3 - 1, under the prefix given. */
    @Test
    void decrementAndThePrefixReachARealAgent() throws Exception {
        try (EtsyStatsd agent = EtsyStatsd.start(EtsyStatsd.Server.UDP)) {
            try (StatsD statsd = StatsD.builder().host("127.0.0.1").port(agent.port()).flavor("etsy").prefix("billing")
                    .service("shop").environment("prod").environmentVariables(key -> null).build()) {
                for (int i = 0; i < 3; i++) {
                    statsd.increment("stock", "sku", "A1");
                }
                statsd.decrement("stock", "sku", "A1");
                statsd.count("stock", -2, "sku", "B2");
            } // close flushes

            StreamLineServer.await(() -> agent.counter("billing.stock.A1") == 2 && agent.counter("billing.stock.B2") == -2,
                    Duration.ofSeconds(10), () -> "counters: " + agent.counters());
            assertThat(agent.counters()).as("the prefix replaces {service}.{environment}")
                    .noneSatisfy((name, value) -> assertThat(name).startsWith("shop."));
            assertThat(agent.counter("statsd.bad_lines_seen")).isZero();
        }
    }

    @Test
    void decrementAndThePrefixOnTaggedFlavorsAreSentAsTheyAre() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                StatsD statsd = StatsD.builder().host("127.0.0.1").port(agent.port()).prefix("billing")
                        .service("shop").environmentVariables(key -> null).build()) {
            statsd.decrement("stock", "sku", "A1");
            statsd.increment("orders.placed");

            assertThat(agent.awaitStartingWith("billing.stock:")).isEqualTo("billing.stock:-1|c|#sku:A1,service:shop");
            assertThat(agent.awaitStartingWith("billing.orders.placed:"))
                    .isEqualTo("billing.orders.placed:1|c|#service:shop");
        }
    }

    @Test
    void thePrefixComesFromItsEnvironmentVariableToo() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                StatsD statsd = StatsD.builder().environmentVariables(Map.of("STATSD_HOST", "127.0.0.1",
                        "STATSD_PORT", Integer.toString(agent.port()), "STATSD_PREFIX", "edge")::get).build()) {
            statsd.increment("hits");

            assertThat(agent.awaitStartingWith("edge.")).isEqualTo("edge.hits:1|c");
        }
    }

    @Test
    void fromEnvironmentReadsTheDocumentedVariables() throws Exception {
        try (UdpReceiver agent = new UdpReceiver()) {
            Map<String, String> env = Map.of("STATSD_HOST", "127.0.0.1", "STATSD_PORT", Integer.toString(agent.port()),
                    "DD_SERVICE", "billing", "DD_ENV", "staging", "DD_VERSION", "9");
            try (StatsD statsd = StatsD.builder().environmentVariables(env::get).build()) {
                assertThat(statsd.hasAgent()).isTrue();
                assertThat(statsd.globalTags()).containsExactly(Map.entry("service", "billing"),
                        Map.entry("environment", "staging"), Map.entry("version", "9"));
                statsd.increment("invoices");
                assertThat(agent.awaitStartingWith("invoices:"))
                        .isEqualTo("invoices:1|c|#service:billing,environment:staging,version:9");
            }
        }
    }

    @Test
    void gaugesOfTheRegistryAreSentEveryPollInterval() throws Exception {
        try (UdpReceiver agent = new UdpReceiver();
                StatsD statsd = StatsD.builder().host("127.0.0.1").port(agent.port())
                        .set("statsd.poll-interval", "50ms").environmentVariables(key -> null).build()) {
            AtomicInteger depth = new AtomicInteger(3);
            Gauge.builder("queue.depth", depth, AtomicInteger::get).strongReference(true)
                    .register(statsd.registry());

            assertThat(agent.await(line -> line.equals("queue.depth:3|g"), Duration.ofSeconds(10))).isNotNull();
            depth.set(4);
            assertThat(agent.await(line -> line.equals("queue.depth:4|g"), Duration.ofSeconds(10))).isNotNull();
            assertThat(statsd.registry()).isInstanceOf(StatsdLineRegistry.class);
            assertThat(statsd.registry().get("viewmetrics.statsd.errors").functionCounter().count()).isZero();
        }
    }

    @Test
    void aPollIntervalThatIsNotPositiveIsAClearError() {
        assertThatThrownBy(() -> StatsD.builder().host("127.0.0.1").set("statsd.poll-interval", "0s")
                .environmentVariables(key -> null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'statsd.poll-interval'").hasMessageContaining("positive");
        assertThatThrownBy(() -> StatsD.builder().host("127.0.0.1")
                .environmentVariables(Map.of("STATSD_POLL_INTERVAL", "often")::get).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'statsd.poll-interval'");
    }

    @Test
    void withoutAHostEverythingStaysInTheInProcessRegistry() {
        try (StatsD statsd = StatsD.builder().service("shop").environmentVariables(key -> null).build()) {
            statsd.increment("logins");
            statsd.increment("logins");
            statsd.decrement("logins");
            statsd.gauge("queue.depth", 12);

            assertThat(statsd.hasAgent()).isFalse();
            assertThat(statsd.registry().get("logins").tag("service", "shop").counter().count()).isEqualTo(2.0);
            assertThat(statsd.registry().get("logins.decrement").counter().count()).isEqualTo(1.0);
            assertThat(statsd.registry().get("queue.depth").gauge().value()).isEqualTo(12.0);
        }
    }

    @Test
    void aSuppliedRegistryGetsTheGlobalTagsAndStaysOpen() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StatsD statsd = StatsD.builder().registry(registry).service("shop").environmentVariables(key -> null).build();
        statsd.increment("signups");
        statsd.close();

        Counter signups = registry.get("signups").tag("service", "shop").counter();
        assertThat(signups.count()).isEqualTo(1.0);
        assertThat(registry.isClosed()).isFalse();
    }

    @Test
    void oddTagArgumentsAreAClearError() {
        try (StatsD statsd = StatsD.builder().environmentVariables(key -> null).build()) {
            assertThatThrownBy(() -> statsd.increment("x", "lonely-key")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
