package dev.viewmetrics.spring;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import org.springframework.web.filter.DelegatingFilterProxy;

import java.util.EnumSet;

/**
 * Registers the filter of {@link EnableViewMetrics} in a plain Spring MVC application (Spring Boot needs none of
 * this). Either return {@link #filter()} from
 * {@code AbstractAnnotationConfigDispatcherServletInitializer.getServletFilters()}, or call
 * {@link #register(ServletContext)} from a {@code WebApplicationInitializer}.
 */
public final class ViewMetricsSpring {

    /** The name of the filter bean declared by {@link EnableViewMetrics}, and of its servlet filter registration. */
    public static final String FILTER_BEAN_NAME = "viewMetricsFilter";

    private ViewMetricsSpring() {
    }

    /**
     * A filter that delegates to the {@value #FILTER_BEAN_NAME} bean, found in the root application context (or the
     * only {@code DispatcherServlet}'s context) when the first request arrives.
     */
    public static Filter filter() {
        return new DelegatingFilterProxy(FILTER_BEAN_NAME);
    }

    /**
     * Registers {@link #filter()} on {@code /*} for the {@code REQUEST} and {@code ASYNC} dispatches, async-supported,
     * ahead of filters registered later; call it from {@code WebApplicationInitializer.onStartup}.
     */
    public static FilterRegistration.Dynamic register(ServletContext servletContext) {
        FilterRegistration.Dynamic registration = servletContext.addFilter(FILTER_BEAN_NAME, filter());
        if (registration == null) {
            throw new IllegalStateException("viewmetrics: a filter named '" + FILTER_BEAN_NAME
                    + "' is already registered in this servlet context");
        }
        registration.setAsyncSupported(true);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
        return registration;
    }
}
