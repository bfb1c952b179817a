package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The shop's providers: two exception mappers and a pre-matching filter, which the adapter must leave working. */
public final class ShopMappers {

    /** The body the shop's own 404s carry. */
    public static final String NOT_FOUND_BODY = "nothing at this address";

    private ShopMappers() {
    }

    /** 423 Locked. */
    @Provider
    public static class InvoiceLocked implements ExceptionMapper<InvoiceLockedException> {
        @Override
        public Response toResponse(InvoiceLockedException exception) {
            return Response.status(423).entity(exception.getMessage()).build();
        }
    }

    /** Every 404, the runtime's own included, gets the shop's body. */
    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException exception) {
            return Response.status(404).entity(NOT_FOUND_BODY).build();
        }
    }

    /** Rejects, before matching, every request carrying {@code X-Block}. */
    @Provider
    @PreMatching
    public static class Gate implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (request.getHeaderString("X-Block") != null) {
                request.abortWith(Response.status(403).entity("blocked").build());
            }
        }
    }
}
