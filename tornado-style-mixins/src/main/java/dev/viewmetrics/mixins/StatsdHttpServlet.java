package dev.viewmetrics.mixins;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

/**
 * A servlet with the handler mixin and sprockets' per-request timer: every request is recorded on finish as
 * {@code {prefix}.timers.{ServletClassSimpleName}.{METHOD}.{status}:{ms}|ms}. Java interfaces cannot wrap
 * {@code service()}, so this small base class does it; async requests are timed to their completion.
 */
public abstract class StatsdHttpServlet extends HttpServlet implements StatsdHandler {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        long start = System.nanoTime();
        boolean failed = true;
        try {
            super.service(request, response);
            failed = false;
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Completion(start, request.getMethod(), response));
            } else {
                int status = failed && !response.isCommitted() ? 500 : response.getStatus();
                recordRequest(request.getMethod(), status, start);
            }
        }
    }

    private void recordRequest(String method, int status, long startNanos) {
        String handler = getClass().getSimpleName().isEmpty() ? getClass().getName() : getClass().getSimpleName();
        recordTiming(Duration.ofNanos(System.nanoTime() - startNanos), handler, method, Integer.toString(status));
    }

    /** Records an async request when the container completes it. */
    private final class Completion implements AsyncListener {
        private final long start;
        private final String method;
        private final HttpServletResponse response;

        Completion(long start, String method, HttpServletResponse response) {
            this.start = start;
            this.method = method;
            this.response = response;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            recordRequest(method, response.getStatus(), start);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // completion follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // completion follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
