package dev.viewmetrics.core.readme;

import dev.viewmetrics.core.ViewMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

import java.util.EnumSet;

// readme-example: programmatic
public class MetricsSetup implements ServletContextListener {
    private ViewMetrics metrics;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        metrics = ViewMetrics.builder()
                .statsdHost("127.0.0.1").statsdPort(8125)
                .service("shop").environment("prod")
                .routes("/users/{id}", "/users/{id}/orders/{orderId}")
                .build();
        FilterRegistration.Dynamic filter = event.getServletContext().addFilter("viewmetrics", metrics.filter());
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        metrics.close(); // flushes what is queued for the agent
    }
}
// end readme-example
