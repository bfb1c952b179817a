package dev.viewmetrics.core;

import dev.viewmetrics.core.record.AllocationClock;
import dev.viewmetrics.core.record.CpuClock;
import dev.viewmetrics.core.record.ExceptionNames;
import dev.viewmetrics.core.record.HttpMethods;
import dev.viewmetrics.core.route.RouteResolver;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The measuring of requests for one filter instance (one web application): begin, end of each dispatch,
 * finish. Every step is fail-open: a fault is counted and the request goes on untouched.
 */
final class RequestTiming {

    final RouteResolver resolver;
    private final ViewMetrics metrics;
    private volatile RouteLookup routeLookup;
    /** {@link RouteLookupInstalls#count()} when the servlet context was last asked for a lookup; -1: never. */
    private volatile int lookupsSeen = -1;

    RequestTiming(ViewMetrics metrics, String contextPath) {
        this.metrics = metrics;
        this.resolver = metrics.newResolver(contextPath);
    }

    ViewMetrics metrics() {
        return metrics;
    }

    /** Starts measuring {@code request}; {@code null} when it is excluded or measuring failed. */
    ViewMetricsContext begin(HttpServletRequest request) {
        try {
            if (metrics.isExcluded(resolver, request)) {
                return null;
            }
            int method = HttpMethods.index(request.getMethod());
            ViewMetricsContext context = new ViewMetricsContext(request, this, method, System.nanoTime(),
                    sampleCpu());
            request.setAttribute(ViewMetricsContext.ATTRIBUTE, context);
            metrics.recorder.started(method);
            context.bindToThread();
            return context;
        } catch (RuntimeException | LinkageError e) {
            metrics.faults.count("starting to measure a request", e);
            return null;
        }
    }

    /** An async dispatch of a measured request starts on this thread. */
    void resume(ViewMetricsContext context) {
        context.bindToThread();
    }

    /** The CPU clock at the start of a dispatch (one read), or unknown when this request's CPU is not measured. */
    long cpuNow(ViewMetricsContext context) {
        return context.cpuSampled ? CpuClock.now() : CpuClock.UNAVAILABLE;
    }

    /** The allocation counter at the start of a dispatch (one read), or unknown when allocation is not measured. */
    long allocatedNow() {
        return metrics.allocation ? AllocationClock.now() : AllocationClock.UNAVAILABLE;
    }

    private boolean sampleCpu() {
        int every = metrics.cpuSampleEvery;
        return metrics.cpuTime && (every == 1 || ThreadLocalRandom.current().nextInt(every) == 0);
    }

    /**
     * A dispatch ended (second allocation and CPU reads). A synchronous request is finished now; an async one is
     * handed to an {@link AsyncCompletion} listener and finished when the container completes it.
     */
    void dispatchEnded(ViewMetricsContext context, long cpuStart, long allocatedStart, HttpServletResponse response) {
        try {
            if (metrics.allocation) {
                context.addAllocated(AllocationClock.elapsed(allocatedStart, AllocationClock.now()));
            }
            context.unbindFromThread();
            if (context.cpuSampled) {
                context.addCpu(CpuClock.elapsed(cpuStart, CpuClock.now()));
            }
            HttpServletRequest request = context.request;
            if (request.isAsyncStarted()) {
                if (!context.async) {
                    context.async = true;
                    request.getAsyncContext().addListener(new AsyncCompletion(context, response));
                }
            } else if (!context.async) {
                finish(context, response);
            }
        } catch (RuntimeException | LinkageError e) {
            metrics.faults.count("ending a dispatch", e);
        }
    }

    /** Records the finished request, exactly once. */
    void finish(ViewMetricsContext context, HttpServletResponse response) {
        if (!context.markFinished()) {
            return;
        }
        try {
            long wallNanos = System.nanoTime() - context.startNanos;
            Throwable failure = context.failure;
            int status = failure != null && !response.isCommitted() ? 500 : response.getStatus();
            String route = resolver.resolve(context.request, reportedRoute(context), context.isUnmatched(), status);
            String exception = ExceptionNames.of(failure != null ? failure : handledException(context));
            long cpuNanos = context.cpuSampled ? context.cpuNanos() : CpuClock.UNAVAILABLE;
            long allocatedBytes = metrics.allocation ? context.allocatedBytes() : AllocationClock.UNAVAILABLE;
            String handler = metrics.handlerTag ? handlerName(context) : null;
            metrics.recorder.record(route, context.method, status, exception, handler, wallNanos, cpuNanos,
                    allocatedBytes);
        } catch (RuntimeException | LinkageError e) {
            metrics.faults.count("recording a request", e);
        } finally {
            metrics.recorder.ended(context.method);
        }
    }

    /** The reported route; a request without one is first shown to the web application's {@link RouteLookup}. */
    private String reportedRoute(ViewMetricsContext context) {
        try {
            return context.reportedRoute(true);
        } catch (RuntimeException | LinkageError e) {
            metrics.faults.count("looking up a route", e);
            return context.reportedRoute(false);
        }
    }

    /** The web application's {@link RouteLookup}, or {@code null}; asked only for a request without a route. */
    RouteLookup routeLookup(HttpServletRequest request) {
        RouteLookup lookup = routeLookup;
        int installs = RouteLookupInstalls.count();
        if (lookup == null && installs != lookupsSeen) { // none found yet: look again once one was installed
            Object installed = request.getServletContext().getAttribute(RouteLookup.ATTRIBUTE);
            if (installed instanceof RouteLookup found) {
                lookup = found;
                routeLookup = found; // installed once per web application, possibly after the filter started
            }
            lookupsSeen = installs;
        }
        return lookup;
    }

    private static String handlerName(ViewMetricsContext context) {
        String handler = context.getHandler();
        return handler != null ? handler : ExceptionNames.NONE;
    }

    private static Throwable handledException(ViewMetricsContext context) {
        Throwable reported = context.getException();
        if (reported != null) {
            return reported;
        }
        Object error = context.request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        return error instanceof Throwable ? (Throwable) error : null;
    }
}
