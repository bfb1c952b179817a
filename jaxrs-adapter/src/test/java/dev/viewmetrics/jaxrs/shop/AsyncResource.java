package dev.viewmetrics.jaxrs.shop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** Async resources completed later on another thread: resumed, timed out, cancelled, a completion stage. */
@Path("async")
public class AsyncResource {

    /** How long every async resource waits before it completes. */
    public static final long DELAY_MILLIS = 150;

    private static final Executor LATER = CompletableFuture.delayedExecutor(DELAY_MILLIS, TimeUnit.MILLISECONDS);

    @GET
    @Path("resume/{jobId}")
    public void resume(@PathParam("jobId") String jobId, @Suspended AsyncResponse response) {
        LATER.execute(() -> response.resume("done " + jobId));
    }

    @GET
    @Path("timeout/{jobId}")
    public void timeout(@PathParam("jobId") String jobId, @Suspended AsyncResponse response) {
        response.setTimeout(DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @GET
    @Path("cancel/{jobId}")
    public void cancel(@PathParam("jobId") String jobId, @Suspended AsyncResponse response) {
        LATER.execute(response::cancel);
    }

    @GET
    @Path("stage/{jobId}")
    public CompletionStage<String> stage(@PathParam("jobId") String jobId) {
        return CompletableFuture.supplyAsync(() -> "staged " + jobId, LATER);
    }

    @GET
    @Path("failing/{jobId}")
    public CompletionStage<String> failing(@PathParam("jobId") String jobId) {
        return CompletableFuture.supplyAsync(() -> {
            throw new InvoiceLockedException(jobId);
        }, LATER);
    }

    @GET
    @Path("locked/{jobId}")
    public void locked(@PathParam("jobId") String jobId, @Suspended AsyncResponse response) {
        LATER.execute(() -> response.resume(new InvoiceLockedException(jobId)));
    }
}
