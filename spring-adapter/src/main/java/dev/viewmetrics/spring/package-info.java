/**
 * Spring MVC integration of viewmetrics: {@link dev.viewmetrics.spring.EnableViewMetrics} registers the
 * {@link dev.viewmetrics.core.ViewMetricsFilter} and reports what Spring MVC knows about each request (the route
 * template it matched, the handler, an exception it handled) to the filter through
 * {@link dev.viewmetrics.core.ViewMetricsContext}; for a request no handler served (rejected by Spring Security, a
 * filter, or Spring MVC itself), a {@link dev.viewmetrics.core.RouteLookup} asks the DispatcherServlet's handler
 * mappings which template it was meant for. This package only reports; the filter measures.
 */
package dev.viewmetrics.spring;
