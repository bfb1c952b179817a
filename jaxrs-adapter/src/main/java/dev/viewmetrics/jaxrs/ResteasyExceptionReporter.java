package dev.viewmetrics.jaxrs;

import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import org.jboss.resteasy.spi.ApplicationException;

/**
 * RESTEasy wraps whatever a resource method throws in an {@link ApplicationException} and lets a mapper of that
 * wrapper see all of them first (its documented hook). This one reports the exception the resource threw and answers
 * as Jakarta REST would without it: the response of a {@link WebApplicationException} carrying an entity, else what
 * the application's (or the runtime's default) exception mapper for it answers. At the lowest priority, so an
 * application's own mapper of {@code ApplicationException} still wins. Registered by {@link ViewMetricsFeature} on
 * RESTEasy only.
 */
@Priority(Priorities.USER + 1000)
final class ResteasyExceptionReporter implements ExceptionMapper<ApplicationException> {

    private final Faults faults = new Faults();

    @Context
    private Providers providers;
    @Context
    private ServletContext servletContext;

    @Override
    public Response toResponse(ApplicationException wrapper) {
        Throwable thrown = wrapper.getCause() == null ? wrapper : wrapper.getCause();
        try {
            HandledExceptions.report(ViewMetricsContext.current(), thrown);
        } catch (RuntimeException | LinkageError e) {
            faults.count(servletContext, "reporting a RESTEasy exception", e);
        }
        return respond(thrown);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Response respond(Throwable thrown) {
        if (thrown instanceof WebApplicationException wae && wae.getResponse() != null
                && wae.getResponse().hasEntity()) {
            return wae.getResponse();
        }
        ExceptionMapper mapper = providers.getExceptionMapper(thrown.getClass());
        if (mapper != null) {
            Response response = mapper.toResponse(thrown);
            return response != null ? response : Response.noContent().build();
        }
        if (thrown instanceof WebApplicationException wae) {
            return wae.getResponse();
        }
        return Response.serverError().build();
    }
}
