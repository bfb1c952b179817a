package dev.viewmetrics.core;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;

/** Finishes an async request when the container completes it: wall time then includes the async part. */
final class AsyncCompletion implements AsyncListener {

    private final ViewMetricsContext context;
    private final HttpServletResponse response;

    AsyncCompletion(ViewMetricsContext context, HttpServletResponse response) {
        this.context = context;
        this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        context.timing.finish(context, response);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        noteFailure(event);
    }

    @Override
    public void onError(AsyncEvent event) {
        noteFailure(event);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // a new async cycle drops the listeners of the previous one: stay registered
        event.getAsyncContext().addListener(this);
    }

    private void noteFailure(AsyncEvent event) {
        if (event.getThrowable() != null && context.failure == null) {
            context.failure = event.getThrowable();
        }
    }
}
