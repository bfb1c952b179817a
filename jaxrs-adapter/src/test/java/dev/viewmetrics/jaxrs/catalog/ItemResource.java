package dev.viewmetrics.jaxrs.catalog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Items, and their reviews reached by two locators that return the same sub-resource. */
@Path("items")
public class ItemResource {

    @GET
    @Path("{itemId}")
    public String item(@PathParam("itemId") String itemId) {
        return "item " + itemId;
    }

    @Path("{itemId}/reviews")
    public Reviews reviews(@PathParam("itemId") String itemId) {
        return new Reviews(itemId);
    }

    @Path("latest/reviews")
    public Reviews latestReviews() {
        return new Reviews("latest");
    }

    /** The reviews of one item. */
    public static class Reviews {
        private final String itemId;

        Reviews(String itemId) {
            this.itemId = itemId;
        }

        @GET
        @Path("{reviewId}")
        public String review(@PathParam("reviewId") String reviewId) {
            return "review " + reviewId + " of " + itemId;
        }
    }
}
