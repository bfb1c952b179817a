package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** The end of a two-locator chain, with a regular-expression template. */
public class PhotoResource {

    private final String albumId;

    public PhotoResource(String albumId) {
        this.albumId = albumId;
    }

    @GET
    public String all() {
        return "photos of " + albumId;
    }

    @GET
    @Path("{photoId: [0-9]+}")
    public String photo(@PathParam("photoId") long photoId) {
        return "photo " + photoId + " of " + albumId;
    }
}
