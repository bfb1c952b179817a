package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A sub-resource (no class-level {@code @Path}) with a locator of its own. */
public class AlbumResource {

    private final String owner;

    public AlbumResource(String owner) {
        this.owner = owner;
    }

    @GET
    @Path("{albumId}")
    public String album(@PathParam("albumId") String albumId) {
        return "album " + albumId + " of " + owner;
    }

    @Path("/{albumId}/photos/")
    public PhotoResource photos(@PathParam("albumId") String albumId) {
        return new PhotoResource(albumId);
    }
}
