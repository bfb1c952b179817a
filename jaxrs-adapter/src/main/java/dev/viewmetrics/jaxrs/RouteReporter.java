package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;

/**
 * Reports what the Jakarta REST runtime matched into the request's {@link ViewMetricsContext} (the request attribute,
 * which Jakarta REST shares as a request property). As the first post-matching request filter it reports the
 * matched resource method's route and handler, before any other filter or the resource runs, so the route is known
 * however the request ends (a rejection by a later filter, an exception, an async resume, timeout or cancel). As the
 * last response filter it names the requests no resource method was matched for: the runtime's own 404 is
 * {@code NOT_FOUND} (not the servlet mapping), any other such response (405, 406, 415, a pre-matching filter's
 * rejection) is named by the template its path matches. Fail-open: a fault here is counted and swallowed.
 */
@Priority(1)
final class RouteReporter implements ContainerRequestFilter, ContainerResponseFilter {

    private final ResourceRoutes routes;
    private final UnmatchedRoutes unmatched;
    private final RequestPaths paths = new RequestPaths();
    private final Faults faults = new Faults();

    /**
     * The runtime's proxy to the current request's resource, where its {@link UriInfo} is not one already (Jersey's
     * is: asked directly, it costs no proxy call, which allocates some 2 KB per request in Jersey).
     */
    @Context
    private ResourceInfo resourceInfo;
    @Context
    private HttpServletRequest servletRequest;
    @Context
    private ServletContext servletContext;

    RouteReporter(ResourceRoutes routes, UnmatchedRoutes unmatched) {
        this.routes = routes;
        this.unmatched = unmatched;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            ViewMetricsContext context = contextOf(request);
            if (context == null || context.getRoute() != null) {
                return;
            }
            UriInfo uriInfo = request.getUriInfo();
            ResourceInfo matched = uriInfo instanceof ResourceInfo own ? own : resourceInfo;
            Method method = matched.getResourceMethod();
            Class<?> resourceClass = matched.getResourceClass();
            if (method == null || resourceClass == null) {
                return;
            }
            Route route = routes.of(resourceClass, method, uriInfo.getMatchedResources(), uriInfo);
            if (route != null) {
                context.setRoute(route.under(paths.base(uriInfo, servletRequest)));
                if (context.getHandler() == null) {
                    context.setHandler(route.handler);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            faults.count(servletContext, "reporting a Jakarta REST route", e);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            ViewMetricsContext context = contextOf(request);
            if (context == null || context.getRoute() != null || context.isUnmatched()) {
                return;
            }
            if (response.getStatus() == 404) {
                context.setUnmatched();
                return;
            }
            String template = unmatched.lookUp(RequestPaths.withinApplication(request.getUriInfo()));
            if (template == null) {
                context.setUnmatched();
            } else {
                context.setRoute(new Route(template, null).under(paths.base(request.getUriInfo(), servletRequest)));
            }
        } catch (RuntimeException | LinkageError e) {
            faults.count(servletContext, "reporting an unmatched Jakarta REST request", e);
        }
    }

    static ViewMetricsContext contextOf(ContainerRequestContext request) {
        Object context = request.getProperty(ViewMetricsContext.ATTRIBUTE);
        return context instanceof ViewMetricsContext ? (ViewMetricsContext) context : null;
    }
}
