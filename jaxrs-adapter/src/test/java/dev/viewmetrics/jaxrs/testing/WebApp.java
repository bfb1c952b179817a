package dev.viewmetrics.jaxrs.testing;

import dev.viewmetrics.core.ViewMetricsFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A web application deployed as its {@code web.xml} would declare it, through the Servlet API alone: the
 * {@link ViewMetricsFilter} with init-params on {@code /*} for REQUEST and ASYNC, then servlets (a Jakarta REST
 * runtime's) with their mappings and init-params, async supported.
 */
public final class WebApp implements ServletContainerInitializer {

    private final Map<String, String> filterParams = new LinkedHashMap<>();
    private final List<ServletSpec> servlets = new ArrayList<>();
    private final List<ServletContainerInitializer> initializers = new ArrayList<>();
    private final Set<Class<?>> initializerClasses;

    private WebApp(int statsdPort, Set<Class<?>> initializerClasses) {
        filterParams.put("statsd.host", "127.0.0.1");
        filterParams.put("statsd.port", Integer.toString(statsdPort));
        filterParams.put("cpu-time", "false");
        this.initializerClasses = initializerClasses;
    }

    /** An application whose filter sends to the StatsD agent on {@code statsdPort}. */
    public static WebApp sendingTo(int statsdPort) {
        return new WebApp(statsdPort, Set.of());
    }

    /** An application whose filter sends to {@code statsdPort}, also set up by {@code initializer} (given {@code classes}). */
    public static WebApp sendingTo(int statsdPort, ServletContainerInitializer initializer, Class<?>... classes) {
        WebApp app = new WebApp(statsdPort, Set.of(classes));
        app.initializers.add(initializer);
        return app;
    }

    /** Adds a filter init-param. */
    public WebApp filterParam(String name, String value) {
        filterParams.put(name, value);
        return this;
    }

    /** Adds a servlet of {@code type} mapped to {@code mapping}, with init-params (name, value, ...). */
    public WebApp servlet(String name, Class<? extends Servlet> type, String mapping, String... params) {
        servlets.add(new ServletSpec(name, type, mapping, params));
        return this;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws jakarta.servlet.ServletException {
        FilterRegistration.Dynamic filter = context.addFilter("viewmetrics", ViewMetricsFilter.class);
        filter.setAsyncSupported(true);
        filterParams.forEach(filter::setInitParameter);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC), false, "/*");
        for (ServletSpec spec : servlets) {
            ServletRegistration.Dynamic servlet = context.addServlet(spec.name, spec.type);
            servlet.setAsyncSupported(true);
            servlet.setLoadOnStartup(1);
            for (int i = 0; i + 1 < spec.params.length; i += 2) {
                servlet.setInitParameter(spec.params[i], spec.params[i + 1]);
            }
            servlet.addMapping(spec.mapping);
        }
        for (ServletContainerInitializer initializer : initializers) {
            initializer.onStartup(initializerClasses, context);
        }
    }

    private record ServletSpec(String name, Class<? extends Servlet> type, String mapping, String[] params) {
    }
}
