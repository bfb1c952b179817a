package dev.viewmetrics.spring;

import dev.viewmetrics.spring.shop.GateFilter;
import dev.viewmetrics.spring.shop.MetricsConfig;
import dev.viewmetrics.spring.shop.WebConfig;
import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import dev.viewmetrics.spring.testing.UdpAgent;
import dev.viewmetrics.spring.testing.WebServer;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ViewMetricsSpring#register} from a {@code WebApplicationInitializer}-style setup with a single
 * DispatcherServlet context (no root context): the filter finds its bean in the DispatcherServlet's context, and
 * runs ahead of a security-style filter on {@code /*} registered after it.
 */
class InitializerRegistrationTest {

    private final AtomicReference<RuntimeException> secondRegistration = new AtomicReference<>();
    private UdpAgent agent;
    private WebServer server;

    @BeforeEach
    void start() throws Exception {
        agent = new UdpAgent();
        server = WebServer.start("", (classes, servletContext) -> {
            AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
            context.register(MetricsConfig.class, WebConfig.class);
            IsolatedEnvironment.apply(context.getEnvironment(), Map.of());
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                    "viewmetrics.statsd.host", "127.0.0.1", "viewmetrics.statsd.port", agent.port())));
            ServletRegistration.Dynamic dispatcher =
                    servletContext.addServlet("dispatcher", new DispatcherServlet(context));
            dispatcher.setLoadOnStartup(1);
            dispatcher.setAsyncSupported(true);
            dispatcher.addMapping("/");

            ViewMetricsSpring.register(servletContext);
            FilterRegistration.Dynamic security = servletContext.addFilter("security", new GateFilter());
            security.setAsyncSupported(true);
            security.addMappingForUrlPatterns(null, true, "/*");
            try {
                ViewMetricsSpring.register(servletContext);
            } catch (RuntimeException e) {
                secondRegistration.set(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        agent.close();
    }

    @Test
    void registeredFilterMeasuresTheDispatcherServletsEndpoints() throws Exception {
        assertThat(server.get("/orders/19").statusCode()).isEqualTo(200);
        assertThat(server.get("/async/callable/4").statusCode()).isEqualTo(200);

        assertThat(agent.duration("/orders/{orderId}")).contains("method:GET,status:200");
        assertThat(agent.duration("/async/callable/{jobId}")).contains("method:GET,status:200");
    }

    @Test
    void requestsAnsweredByALaterSecurityFilterAreMeasured() throws Exception {
        assertThat(server.get("/admin/reports/2024").statusCode()).isEqualTo(401);

        // no handler serves /admin/**: a rejected path nothing serves is NOT_FOUND, its words never a route
        assertThat(agent.duration("NOT_FOUND")).contains("status:401,outcome:CLIENT_ERROR");
    }

    @Test
    void registeringTwiceFailsNamingTheFilter() {
        assertThat(secondRegistration.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'viewMetricsFilter' is already registered");
    }
}
