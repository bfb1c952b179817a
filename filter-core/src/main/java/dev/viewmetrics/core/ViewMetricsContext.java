package dev.viewmetrics.core;

import dev.viewmetrics.core.record.AllocationClock;
import dev.viewmetrics.core.record.CpuClock;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the filter knows about one measured request, stored as the request attribute {@link #ATTRIBUTE}.
 * Adapters and frameworks that learn more deeper in the stack write it here: the route template
 * ({@link #setRoute}) or that nothing matched ({@link #setUnmatched}), an exception they handled
 * ({@link #setException}), the handler ({@link #setHandler}). They never measure on their own; the filter reads
 * this when the request finishes.
 */
public final class ViewMetricsContext {

    /** The request attribute holding this context while a request is measured. */
    public static final String ATTRIBUTE = "dev.viewmetrics.context";

    /**
     * A plain request attribute any framework may set to the route template (a {@code String}, relative to the
     * context path, e.g. {@code /users/{id}}); used when no adapter called {@link #setRoute}.
     */
    public static final String ROUTE_ATTRIBUTE = "dev.viewmetrics.route";

    /**
     * Spring MVC's best-matching-pattern attribute, read without depending on Spring: Spring applications get
     * exact templates even without the Spring adapter.
     */
    public static final String SPRING_PATTERN_ATTRIBUTE =
            "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    /** The request each thread serves: a holder per thread, so binding a request allocates nothing. */
    private static final ThreadLocal<ViewMetricsContext[]> CURRENT =
            ThreadLocal.withInitial(() -> new ViewMetricsContext[1]);

    private static final VarHandle FINISHED;

    /** What {@link #route} holds after {@link #setUnmatched}: compared by identity, never reported. */
    private static final String UNMATCHED = new String("unmatched");

    static {
        try {
            FINISHED = MethodHandles.lookup().findVarHandle(ViewMetricsContext.class, "finished", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile String route;
    private volatile Throwable exception;
    private volatile String handler;

    final HttpServletRequest request;
    final RequestTiming timing;
    /** The {@code HttpMethods} index; a byte, so that a context with every field fits in 64 bytes. */
    final byte method;
    final long startNanos;
    /** Whether this request's CPU time is measured (CPU time on, and the request sampled). */
    final boolean cpuSampled;
    @SuppressWarnings("unused") // set through FINISHED
    private volatile boolean finished;
    private volatile long cpuNanos;
    private volatile long allocatedBytes;
    volatile boolean async;
    volatile Throwable failure;

    ViewMetricsContext(HttpServletRequest request, RequestTiming timing, int method, long startNanos,
            boolean cpuSampled) {
        this.request = request;
        this.timing = timing;
        this.method = (byte) method;
        this.startNanos = startNanos;
        this.cpuSampled = cpuSampled;
    }

    /** The context of a request being measured, or {@code null}. */
    public static ViewMetricsContext of(ServletRequest request) {
        Object context = request.getAttribute(ATTRIBUTE);
        return context instanceof ViewMetricsContext ? (ViewMetricsContext) context : null;
    }

    /** The context of the request the current thread is serving, or {@code null}. */
    public static ViewMetricsContext current() {
        return CURRENT.get()[0];
    }

    /**
     * Reports the route template, relative to the context path ({@code /orders/{id}}); the last call (of this
     * method or {@link #setUnmatched}) wins, and {@code null} withdraws what was reported.
     */
    public void setRoute(String template) {
        this.route = template;
    }

    /** The route template reported by {@link #setRoute}, or {@code null}. */
    public String getRoute() {
        String reported = route;
        return reported == UNMATCHED ? null : reported;
    }

    /**
     * Reports that the framework serving this request matched no route (its own 404, say, or a lookup finding no
     * handler for a request a security filter rejected). Unless a declared template matches, the request is then
     * named as an unmatched one, whatever servlet it went to, and never by the servlet's mapping (a path-mapped
     * {@code /api/*} would name every stray path {@code /api/*}): {@code NOT_FOUND} when it failed (any 4xx or
     * 5xx: nothing serves that path, so its raw words never become a route), {@code REDIRECTION} for a 3xx, and
     * by the fallback only when something answered it with success. The last call of this method or
     * {@link #setRoute} wins.
     */
    public void setUnmatched() {
        this.route = UNMATCHED;
    }

    /** Whether {@link #setUnmatched} was the last report. */
    public boolean isUnmatched() {
        return route == UNMATCHED;
    }

    /** Reports an exception that was handled (turned into a response), so the {@code exception} tag shows it. */
    public void setException(Throwable handled) {
        this.exception = handled;
    }

    /** The handled exception reported by {@link #setException}, or {@code null}. */
    public Throwable getException() {
        return exception;
    }

    /** Reports the handler that served the request ({@code OrderController#item}). */
    public void setHandler(String handler) {
        this.handler = handler;
    }

    /** The handler reported by {@link #setHandler}, or {@code null}. */
    public String getHandler() {
        return handler;
    }

    /** The best route known now, before the response is complete: what blocks timed inside the request carry. */
    public String currentRoute() {
        return timing.resolver.resolveInFlight(request, reportedRoute(false), isUnmatched());
    }

    /**
     * The route reported so far, in this order: an adapter's {@link #setRoute}, the {@link #ROUTE_ATTRIBUTE}, what
     * the web application's {@link RouteLookup} (if {@code lookUp} and one is installed) reports now, Spring's
     * pattern attribute; {@code null} when there is none or an adapter reported that nothing matched
     * ({@link #isUnmatched()}).
     */
    String reportedRoute(boolean lookUp) {
        String reported = route;
        if (reported != null) {
            return reported == UNMATCHED ? null : reported;
        }
        Object attribute = request.getAttribute(ROUTE_ATTRIBUTE);
        if (attribute instanceof String) {
            return (String) attribute;
        }
        RouteLookup lookup = lookUp ? timing.routeLookup(request) : null;
        if (lookup != null) {
            lookup.lookUp(request, this);
            reported = route;
            if (reported != null) {
                return reported == UNMATCHED ? null : reported;
            }
        }
        attribute = request.getAttribute(SPRING_PATTERN_ATTRIBUTE);
        if (attribute instanceof String) {
            return springPattern((String) attribute);
        }
        return null;
    }

    /** Spring's pattern is relative to the DispatcherServlet; a path-mapped servlet ({@code /api/*}) adds its path. */
    private String springPattern(String pattern) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping != null && mapping.getMappingMatch() == MappingMatch.PATH) {
            return request.getServletPath() + pattern;
        }
        return pattern;
    }

    /** Adds the CPU time of one dispatch; an unknown reading makes the request's CPU time unknown. */
    void addCpu(long nanos) {
        cpuNanos = sumOfKnown(cpuNanos, nanos, CpuClock.UNAVAILABLE);
    }

    long cpuNanos() {
        return cpuNanos;
    }

    /** Adds the bytes allocated in one dispatch; an unknown reading makes the request's allocation unknown. */
    void addAllocated(long bytes) {
        allocatedBytes = sumOfKnown(allocatedBytes, bytes, AllocationClock.UNAVAILABLE);
    }

    long allocatedBytes() {
        return allocatedBytes;
    }

    /** {@code total + part}, or {@code unknown} once either is (dispatches of one request run one after another). */
    private static long sumOfKnown(long total, long part, long unknown) {
        return part < 0 || total < 0 ? unknown : total + part;
    }

    /** True the first time only: the request is recorded exactly once, whichever thread finishes it. */
    boolean markFinished() {
        return FINISHED.compareAndSet(this, false, true);
    }

    void bindToThread() {
        CURRENT.get()[0] = this;
    }

    void unbindFromThread() {
        CURRENT.get()[0] = null;
    }
}
