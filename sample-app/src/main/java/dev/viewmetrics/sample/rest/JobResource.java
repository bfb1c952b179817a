package dev.viewmetrics.sample.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** {@code /jobs/{jobId}}: an async resource, resumed about 50 ms later on another thread. */
@Path("jobs")
public class JobResource {

    private static final Executor LATER = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);

    @GET
    @Path("{jobId}")
    public void job(@PathParam("jobId") String jobId, @Suspended AsyncResponse response) {
        LATER.execute(() -> response.resume("job " + jobId + " done\n"));
    }
}
