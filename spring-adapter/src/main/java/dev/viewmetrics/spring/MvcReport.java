package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What Spring MVC tells viewmetrics about a request, written into its {@link ViewMetricsContext}: the route template
 * the handler mapping matched, the handler, an exception Spring handled. Only the request's own dispatches report
 * ({@code REQUEST}, {@code ASYNC}): a forward, an include or an error page keeps the route and exception of the
 * request the client made. The first route reported wins.
 */
final class MvcReport {

    private MvcReport() {
    }

    /** The context to report into, or {@code null} when the request is not measured or this dispatch is not its own. */
    static ViewMetricsContext contextOf(HttpServletRequest request) {
        DispatcherType type = request.getDispatcherType();
        if (type != DispatcherType.REQUEST && type != DispatcherType.ASYNC) {
            return null;
        }
        return ViewMetricsContext.of(request);
    }

    /**
     * Reports the pattern the handler mapping matched ({@code /orders/{orderId}}, {@code /static/**}, a functional
     * route's pattern), relative to the context path, and the handler that will serve it.
     */
    static void handlerMatched(ViewMetricsContext context, HttpServletRequest request, Object handler) {
        if (context.getRoute() == null) {
            String route = matchedRoute(request);
            if (route != null) {
                context.setRoute(route);
            }
        }
        if (context.getHandler() == null) {
            String name = HandlerNames.of(handler);
            if (name != null) {
                context.setHandler(name);
            }
        }
    }

    /**
     * Reports an exception Spring resolved into a response. No handler ({@link NoHandlerFoundException}) or a
     * resource handler that found no resource ({@link NoResourceFoundException}) means nothing matched: that is no
     * failure, and the 404 is {@code NOT_FOUND}, not the catch-all pattern ({@code /**}) nor an error page's.
     */
    static void exceptionHandled(ViewMetricsContext context, Throwable exception) {
        if (exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException) {
            context.setUnmatched();
        } else if (exception != null) {
            context.setException(exception);
        }
    }

    /**
     * Spring's best matching pattern, which functional routes and resource handlers set too. It is relative to the
     * {@code DispatcherServlet}: a path-mapped servlet ({@code /api/*}) adds its servlet path.
     */
    static String matchedRoute(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? null : route(request, pattern.toString());
    }

    /** The route of a pattern Spring matched for {@code request}, relative to the context path. */
    static String route(HttpServletRequest request, String pattern) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping != null && mapping.getMappingMatch() == MappingMatch.PATH) {
            return request.getServletPath() + pattern;
        }
        return pattern;
    }
}
