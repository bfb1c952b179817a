package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetrics;
import dev.viewmetrics.spring.shop.MetricsConfig;
import dev.viewmetrics.spring.shop.WebConfig;
import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import dev.viewmetrics.spring.testing.UdpAgent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Which registry {@code @EnableViewMetrics} records into, and how it treats bad settings. */
class EnableViewMetricsTest {

    @Configuration
    static class ApplicationRegistry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private static AnnotationConfigWebApplicationContext context(Map<String, Object> properties, Class<?>... configs) {
        return context(properties, Map.of(), configs);
    }

    /** A context with these properties and exactly these environment variables. */
    private static AnnotationConfigWebApplicationContext context(Map<String, Object> properties,
            Map<String, Object> variables, Class<?>... configs) {
        AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        IsolatedEnvironment.apply(context.getEnvironment(), variables);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.register(configs);
        context.refresh();
        return context;
    }

    @Test
    void applicationMeterRegistryIsUsedWhenThereIsOne() {
        try (AnnotationConfigWebApplicationContext context =
                     context(Map.of(), ApplicationRegistry.class, MetricsConfig.class)) {
            assertThat(context.getBean(ViewMetrics.class).registry()).isSameAs(context.getBean(MeterRegistry.class));
        }
    }

    @Test
    void statsdHostPropertySendsToTheAgentInsteadOfTheApplicationRegistry() throws Exception {
        try (UdpAgent agent = new UdpAgent();
             AnnotationConfigWebApplicationContext context = context(
                     Map.of("viewmetrics.statsd.host", "127.0.0.1", "viewmetrics.statsd.port", agent.port()),
                     ApplicationRegistry.class, MetricsConfig.class, WebConfig.class)) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                    .addFilters(context.getBean(ViewMetricsSpring.FILTER_BEAN_NAME, Filter.class)).build();

            mvc.perform(get("/orders/o-55"));

            assertThat(agent.duration("/orders/{orderId}")).contains("status:200");
            assertThat(context.getBean(MeterRegistry.class).find("view.duration").timers()).isEmpty();
        }
    }

    @Test
    void withoutRegistryOrAgentMetricsStayInProcess() {
        try (AnnotationConfigWebApplicationContext context = context(Map.of(), MetricsConfig.class)) {
            ViewMetrics metrics = context.getBean(ViewMetrics.class);
            assertThat(metrics.statsd().hasAgent()).isFalse();
            assertThat(metrics.registry()).isInstanceOf(SimpleMeterRegistry.class);
        }
    }

    @Test
    void invalidSettingFailsStartupNamingTheKey() {
        assertThatThrownBy(() -> context(Map.of("viewmetrics.max-routes", "lots"), MetricsConfig.class))
                .rootCause().hasMessageContaining("max-routes").hasMessageContaining("lots");
    }

    @Test
    void agentLinesCarryConfiguredGlobalTags() throws Exception {
        try (UdpAgent agent = new UdpAgent();
             AnnotationConfigWebApplicationContext context = context(Map.of(
                     "viewmetrics.statsd.host", "127.0.0.1", "viewmetrics.statsd.port", agent.port(),
                     "viewmetrics.service", "shop", "viewmetrics.version", "1.4.2"),
                     MetricsConfig.class, WebConfig.class)) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                    .addFilters(context.getBean(ViewMetricsSpring.FILTER_BEAN_NAME, Filter.class)).build();
            mvc.perform(get("/orders/o-56"));

            assertThat(agent.linesBeforeEndMarker(() -> mvc.perform(get(UdpAgent.END_MARKER))))
                    .filteredOn(line -> line.startsWith("view.duration:")).singleElement().asString()
                    .contains("#route:/orders/{orderId},").endsWith(",service:shop,version:1.4.2");
        }
    }

    /**
     * Environment variables come through Spring's {@code Environment}, whose system-environment source has them:
     * without an application registry, {@code STATSD_HOST} sends to the agent.
     */
    @Test
    void environmentVariablesAreReadThroughSpringsEnvironment() throws Exception {
        try (UdpAgent agent = new UdpAgent();
             AnnotationConfigWebApplicationContext context = context(Map.of("viewmetrics.service", "from-property"),
                     Map.of("STATSD_HOST", "127.0.0.1", "STATSD_PORT", Integer.toString(agent.port()),
                             "SERVICE", "from-variable", "DD_ENV", "staging"),
                     MetricsConfig.class, WebConfig.class)) {
            ViewMetrics metrics = context.getBean(ViewMetrics.class);
            assertThat(metrics.statsd().hasAgent()).as("STATSD_HOST reached viewmetrics").isTrue();
            MockMvcBuilders.webAppContextSetup(context)
                    .addFilters(context.getBean(ViewMetricsSpring.FILTER_BEAN_NAME, Filter.class)).build()
                    .perform(get("/orders/o-57"));

            assertThat(agent.duration("/orders/{orderId}"))
                    .as("a property wins over a variable; DD_ENV stands for ENVIRONMENT")
                    .endsWith(",service:from-property,environment:staging");
        }
    }
}
