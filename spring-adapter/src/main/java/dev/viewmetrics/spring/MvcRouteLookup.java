package dev.viewmetrics.spring;

import dev.viewmetrics.core.RouteLookup;
import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.servlet.FrameworkServlet;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The web application's {@link RouteLookup} for Spring MVC: a request that finished without a route (a security
 * filter, a rate limiter or a CORS check answered it, or Spring refused it before a handler ran) is shown to the
 * DispatcherServlet it was mapped to, which says what it would have matched ({@link DispatcherMatcher}). Each
 * DispatcherServlet is found by the context it publishes in the servlet context; a request for any other servlet,
 * or for one not started yet, is left to the core.
 */
final class MvcRouteLookup implements RouteLookup {

    private final ServletContext servletContext;
    private final ConcurrentHashMap<String, DispatcherMatcher> matchers = new ConcurrentHashMap<>();

    MvcRouteLookup(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    @Override
    public void lookUp(HttpServletRequest request, ViewMetricsContext context) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        String servlet = mapping == null ? null : mapping.getServletName();
        if (servlet == null) {
            return;
        }
        Object published = servletContext.getAttribute(FrameworkServlet.SERVLET_CONTEXT_PREFIX + servlet);
        if (published instanceof ApplicationContext dispatcherContext && isActive(dispatcherContext)) {
            matcherOf(servlet, dispatcherContext).report(request, context);
        }
    }

    private DispatcherMatcher matcherOf(String servlet, ApplicationContext context) {
        DispatcherMatcher matcher = matchers.get(servlet);
        if (matcher != null && matcher.context == context) {
            return matcher;
        }
        return matchers.compute(servlet, (name, old) ->
                old != null && old.context == context ? old : DispatcherMatcher.of(context));
    }

    private static boolean isActive(ApplicationContext context) {
        return !(context instanceof ConfigurableApplicationContext configurable) || configurable.isActive();
    }
}
