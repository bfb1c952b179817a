package dev.viewmetrics.sample.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 423 Locked for a {@link UserLockedException}: the request still shows it in its {@code exception} tag. */
@Provider
public class UserLockedMapper implements ExceptionMapper<UserLockedException> {

    @Override
    public Response toResponse(UserLockedException exception) {
        return Response.status(423).entity(exception.getMessage() + "\n").build();
    }
}
