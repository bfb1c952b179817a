package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Regular-expression templates, one with braces inside its expression, and a class path with slashes around it. */
@Path("/orders/")
public class OrderResource {

    @GET
    @Path("{orderId: [0-9]+}")
    public String order(@PathParam("orderId") long orderId) {
        return "order " + orderId;
    }

    @GET
    @Path("{code: [A-Z]{3}}-{seq: \\d+}")
    public String byCode(@PathParam("code") String code, @PathParam("seq") int seq) {
        return "order " + code + "-" + seq;
    }

    @POST
    public Response create() {
        return Response.status(201).entity("created").build();
    }
}
