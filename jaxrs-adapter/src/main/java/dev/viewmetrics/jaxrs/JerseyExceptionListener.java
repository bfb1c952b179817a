package dev.viewmetrics.jaxrs;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Jersey's request events, for the one thing Jakarta REST does not show a filter: the exception an exception mapper
 * turned into the response (thrown by a resource, a filter, or given to an async resume). Registered by
 * {@link ViewMetricsFeature} on Jersey only; one stateless instance listens to every request.
 */
final class JerseyExceptionListener implements ApplicationEventListener, RequestEventListener {

    private final Faults faults = new Faults();

    @Context
    private ServletContext servletContext;

    @Override
    public void onEvent(ApplicationEvent event) {
        // nothing to learn from the application's life cycle
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return this;
    }

    @Override
    public void onEvent(RequestEvent event) {
        if (event.getType() != RequestEvent.Type.ON_EXCEPTION) {
            return;
        }
        try {
            HandledExceptions.report(RouteReporter.contextOf(event.getContainerRequest()), event.getException());
        } catch (RuntimeException | LinkageError e) {
            faults.count(servletContext, "reporting a Jersey exception", e);
        }
    }
}
