package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A root resource with sub-resource locators, two of which lead to the same sub-resource class. */
@Path("users")
public class UserResource {

    @GET
    @Path("{id}")
    public String user(@PathParam("id") String id) {
        return "user " + id;
    }

    @Path("{id}/albums")
    public AlbumResource albums(@PathParam("id") String id) {
        return new AlbumResource(id);
    }

    @Path("me/albums")
    public AlbumResource myAlbums() {
        return new AlbumResource("me");
    }
}
