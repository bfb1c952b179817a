package dev.viewmetrics.spring.shop;

import dev.viewmetrics.spring.ViewMetricsSpring;
import dev.viewmetrics.spring.testing.IsolatedEnvironment;
import jakarta.servlet.Filter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.servlet.support.AbstractAnnotationConfigDispatcherServletInitializer;

import java.util.Map;

/**
 * The test shop as a plain Spring MVC application registers itself: root context {@link MetricsConfig},
 * DispatcherServlet context {@link WebConfig}, the viewmetrics filter from {@code getServletFilters()} followed by
 * the {@link GateFilter}. {@code properties} become the highest-precedence property source of the root context,
 * whose environment has no environment variables ({@link IsolatedEnvironment}).
 */
public class ShopInitializer extends AbstractAnnotationConfigDispatcherServletInitializer {

    private final String servletMapping;
    private final Map<String, Object> properties;

    public ShopInitializer(String servletMapping, Map<String, Object> properties) {
        this.servletMapping = servletMapping;
        this.properties = properties;
    }

    @Override
    protected Class<?>[] getRootConfigClasses() {
        return new Class<?>[] {MetricsConfig.class};
    }

    @Override
    protected Class<?>[] getServletConfigClasses() {
        return new Class<?>[] {WebConfig.class};
    }

    @Override
    protected String[] getServletMappings() {
        return new String[] {servletMapping};
    }

    @Override
    protected Filter[] getServletFilters() {
        return new Filter[] {ViewMetricsSpring.filter(), new GateFilter()};
    }

    @Override
    protected ApplicationContextInitializer<?>[] getRootApplicationContextInitializers() {
        return new ApplicationContextInitializer<?>[] {new IsolatedEnvironment(), context -> context.getEnvironment()
                .getPropertySources().addFirst(new MapPropertySource("test", properties))};
    }
}
