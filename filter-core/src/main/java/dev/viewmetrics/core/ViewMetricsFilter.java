package dev.viewmetrics.core;

import dev.viewmetrics.core.config.ContextEnvironment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;

/**
 * The servlet filter that measures every request (wall time, CPU time, allocated bytes) under its route template.
 * Declare it in {@code web.xml} with {@code <init-param>}s only (keys of the configuration table, environment
 * variables as fallback, see {@link ContextEnvironment}), or create it from a {@link ViewMetrics} in code. Map it to
 * {@code /*} for the {@code REQUEST} and {@code ASYNC} dispatcher types with {@code async-supported} true. A
 * {@code web.xml} filter records into the registry found in the servlet context attribute
 * {@link ViewMetrics#REGISTRY_ATTRIBUTE}, if the application put one there; every filter publishes its
 * {@link ViewMetrics} as {@link ViewMetrics#CONTEXT_ATTRIBUTE}.
 */
public final class ViewMetricsFilter implements Filter {

    private ViewMetrics metrics;
    private boolean ownsMetrics;
    private volatile RequestTiming timing;

    /** For {@code web.xml}: configured from the filter's init-params in {@link #init}. */
    public ViewMetricsFilter() {
    }

    /** For code: records through {@code metrics}, which the caller keeps and closes. */
    public ViewMetricsFilter(ViewMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        ServletContext context = config.getServletContext();
        if (metrics == null) {
            try {
                ViewMetrics.Builder builder = ViewMetrics.builder().environmentVariables(ContextEnvironment.of(context));
                for (String name : Collections.list(config.getInitParameterNames())) {
                    builder.set(name, config.getInitParameter(name));
                }
                Object shared = context.getAttribute(ViewMetrics.REGISTRY_ATTRIBUTE);
                if (shared instanceof MeterRegistry) {
                    builder.registry((MeterRegistry) shared);
                }
                metrics = builder.build();
                ownsMetrics = true;
            } catch (IllegalArgumentException e) {
                throw new ServletException(e.getMessage(), e);
            }
        }
        if (context.getAttribute(ViewMetrics.CONTEXT_ATTRIBUTE) == null) {
            context.setAttribute(ViewMetrics.CONTEXT_ATTRIBUTE, metrics);
        }
        timing = metrics.enabled ? new RequestTiming(metrics, context.getContextPath()) : null;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestTiming timing = timingFor(request);
        if (timing == null || !(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        ViewMetricsContext context = ViewMetricsContext.of(request);
        if (context == null) {
            context = timing.begin((HttpServletRequest) request);
        } else if (request.getDispatcherType() == DispatcherType.ASYNC && context.timing == timing) {
            timing.resume(context);
        } else {
            context = null; // forward, include, error page, or a second filter: the outer dispatch measures
        }
        if (context == null) {
            chain.doFilter(request, response);
            return;
        }
        long cpuStart = timing.cpuNow(context);
        long allocatedStart = timing.allocatedNow();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            context.failure = e;
            throw e;
        } finally {
            timing.dispatchEnded(context, cpuStart, allocatedStart, (HttpServletResponse) response);
        }
    }

    @Override
    public void destroy() {
        if (ownsMetrics && metrics != null) {
            metrics.close();
        }
    }

    /** The metrics this filter records through; {@code null} before {@link #init} for a {@code web.xml} filter. */
    public ViewMetrics metrics() {
        return metrics;
    }

    private RequestTiming timingFor(ServletRequest request) {
        RequestTiming current = timing;
        if (current == null && metrics != null && metrics.enabled) {
            current = new RequestTiming(metrics, request.getServletContext().getContextPath());
            timing = current;
        }
        return current;
    }
}
