package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jboss.resteasy.spi.ApplicationException;

/**
 * RESTEasy wraps whatever a resource method throws in an {@link ApplicationException} and asks a mapper of that
 * wrapper first (its documented hook). This one only reports the exception the resource threw and answers no
 * response: RESTEasy then goes on exactly as without it (the application's mappers, its
 * {@code resteasy.unwrapped.exceptions}, an unmapped exception thrown on to the container). At the lowest priority,
 * so an application's own mapper of {@code ApplicationException} still wins. Registered by
 * {@link ViewMetricsFeature} on RESTEasy only.
 */
@Priority(Priorities.USER + 1000)
final class ResteasyExceptionReporter implements ExceptionMapper<ApplicationException> {

    private final Faults faults = new Faults();

    @Context
    private ServletContext servletContext;

    /** Reports the cause; {@code null} lets RESTEasy map the exception as it would without this mapper. */
    @Override
    public Response toResponse(ApplicationException wrapper) {
        Throwable thrown = wrapper.getCause() == null ? wrapper : wrapper.getCause();
        try {
            HandledExceptions.report(ViewMetricsContext.current(), thrown);
        } catch (RuntimeException | LinkageError e) {
            faults.count(servletContext, "reporting a RESTEasy exception", e);
        }
        return null;
    }
}
