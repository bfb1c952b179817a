package dev.viewmetrics.core;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Asks a framework, once a request has finished without a route, which route it would have matched: how a
 * request rejected before its handler ran (a 401 from a security filter, a 429 from a rate limiter, a 405) is
 * still named by that handler's template. An adapter installs one per web application ({@link #install}); the
 * filter calls it only for requests nobody reported a route for, after the response is complete, on the thread
 * that finishes the request. It reports into the request's context like any adapter:
 * {@link ViewMetricsContext#setRoute} with the template, {@link ViewMetricsContext#setUnmatched} when the
 * framework would have matched nothing, or neither when it cannot tell. A fault it throws is counted and ignored.
 */
@FunctionalInterface
public interface RouteLookup {

    /** The servlet context attribute holding the web application's lookup. */
    String ATTRIBUTE = "dev.viewmetrics.route-lookup";

    /**
     * Reports into {@code context} what the framework would have matched for {@code request}.
     *
     * @param request the finished request (its attributes and path are still readable)
     * @param context the request's context, to report into
     */
    void lookUp(HttpServletRequest request, ViewMetricsContext context);

    /**
     * Installs {@code lookup} for the web application of {@code servletContext}. One already installed (another
     * framework of the same application) is asked first; {@code lookup} is asked when it reports nothing.
     *
     * @param servletContext the web application
     * @param lookup         the lookup to add
     */
    static void install(ServletContext servletContext, RouteLookup lookup) {
        synchronized (servletContext) {
            Object existing = servletContext.getAttribute(ATTRIBUTE);
            if (existing == lookup) {
                return;
            }
            RouteLookup combined = lookup;
            if (existing instanceof RouteLookup first) {
                combined = (request, context) -> {
                    first.lookUp(request, context);
                    if (context.getRoute() == null && !context.isUnmatched()) {
                        lookup.lookUp(request, context);
                    }
                };
            }
            servletContext.setAttribute(ATTRIBUTE, combined);
        }
        RouteLookupInstalls.installed();
    }
}
