package dev.viewmetrics.spring;

import dev.viewmetrics.spring.shop.MetricsConfig;
import dev.viewmetrics.spring.shop.ShopInitializer;
import dev.viewmetrics.spring.shop.WebConfig;
import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import dev.viewmetrics.spring.testing.UdpAgent;
import dev.viewmetrics.spring.testing.WebServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code viewmetrics.handler-tag=true} adds a {@code handler} tag with the handler the adapter reports
 * ({@code OrderController#item}). That the adapter reports it is also proven, independently of the core, in
 * {@link MockMvcReportingTest}; emitting the tag is filter-core's job.
 */
class HandlerTagTest {

    @Configuration
    static class ApplicationRegistry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void handlerTagNamesTheControllerMethod() throws Exception {
        try (AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext()) {
            context.setServletContext(new MockServletContext());
            IsolatedEnvironment.apply(context.getEnvironment(), Map.of());
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("test", Map.of("viewmetrics.handler-tag", "true")));
            context.register(ApplicationRegistry.class, MetricsConfig.class, WebConfig.class);
            context.refresh();
            MockMvcBuilders.webAppContextSetup(context)
                    .addFilters(context.getBean(ViewMetricsSpring.FILTER_BEAN_NAME, Filter.class)).build()
                    .perform(get("/orders/3/items/4"));

            assertThat(context.getBean(MeterRegistry.class).get("view.duration")
                    .tag("route", "/orders/{orderId}/items/{itemId}").timer().getId().getTag("handler"))
                    .isEqualTo("OrderController#item");
        }
    }

    @Test
    void handlerTagReachesTheAgent() throws Exception {
        try (UdpAgent agent = new UdpAgent();
             WebServer server = WebServer.start("", (classes, servletContext) -> new ShopInitializer("/", Map.of(
                     "viewmetrics.statsd.host", "127.0.0.1", "viewmetrics.statsd.port", agent.port(),
                     "viewmetrics.handler-tag", "true")).onStartup(servletContext))) {
            server.get("/orders/3/items/4");

            // the registry keeps OrderController#item; the wire sanitiser turns '#' into '_' (no '#' on the wire)
            assertThat(agent.duration("/orders/{orderId}/items/{itemId}")).contains(",handler:OrderController_item");
        }
    }
}
