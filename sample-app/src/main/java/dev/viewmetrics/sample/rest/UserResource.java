package dev.viewmetrics.sample.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Users: {@code /users/{id}}, their orders through a sub-resource locator ({@code /users/{id}/orders/{orderId}},
 * a regular-expression template) and {@code /users/{id}/locked}, which throws what {@link UserLockedMapper} maps to
 * 423.
 */
@Path("users")
public class UserResource {

    @GET
    @Path("{id}")
    public String user(@PathParam("id") String id) {
        return "user " + id + "\n";
    }

    @Path("{id}/orders")
    public UserOrders orders(@PathParam("id") String id) {
        return new UserOrders(id);
    }

    @GET
    @Path("{id}/locked")
    public String locked(@PathParam("id") String id) {
        throw new UserLockedException(id);
    }

    /** The orders of one user, reached through {@link UserResource#orders}. */
    public static class UserOrders {
        private final String userId;

        UserOrders(String userId) {
            this.userId = userId;
        }

        @GET
        @Path("{orderId: [0-9]+}")
        public String order(@PathParam("orderId") long orderId) {
            return "order " + orderId + " of user " + userId + "\n";
        }
    }
}
