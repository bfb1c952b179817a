package dev.viewmetrics.core.route;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Names a request by its route template, in one place and in this order: (1) the route an adapter or framework
 * reported, (2) the declared templates, (3) the servlet mapping, unless an adapter reported that its framework
 * matched nothing, (4) the ID-normalising fallback; then the
 * context path is prepended and (5) the cardinality guard admits it or answers {@code OTHER}.
 * An unmatched 404 is {@code NOT_FOUND}, an unmatched 3xx {@code REDIRECTION}, and {@code /} is {@code root}; a
 * request whose framework matched nothing ({@code unmatched}) is {@code NOT_FOUND} whenever it failed (4xx, 5xx).
 */
public final class RouteResolver {

    /** The route of a 404 that nothing matched. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The route of a 3xx that nothing matched. */
    public static final String REDIRECTION = "REDIRECTION";
    /** The route of the application root {@code /}. */
    public static final String ROOT = "root";

    private final String contextPath;
    private final RouteTemplates declared;
    private final CardinalityGuard guard;
    private final ConcurrentHashMap<String, String> fullRoutes = new ConcurrentHashMap<>();
    private final int cacheLimit;

    /**
     * A resolver for the web application at {@code contextPath} ({@code ""} for the root context) whose
     * {@code declared} templates are relative to that context path.
     */
    public RouteResolver(String contextPath, RouteTemplates declared, CardinalityGuard guard, int maxRoutes) {
        this.contextPath = contextPath == null || contextPath.equals("/") ? "" : contextPath;
        this.declared = declared;
        this.guard = guard;
        this.cacheLimit = Math.max(16, maxRoutes * 2);
    }

    /**
     * The route of a finished request. {@code reported} is what an adapter set (relative to the context path),
     * or {@code null}; {@code unmatched} whether an adapter said that its framework matched nothing (then the
     * servlet mapping names nothing); {@code status} the response status.
     */
    public String resolve(HttpServletRequest request, String reported, boolean unmatched, int status) {
        String relative = reported;
        String uri = null;
        if (relative == null && !declared.isEmpty()) {
            uri = requestUri(request);
            relative = declared.match(uri, applicationStart(uri));
        }
        if (relative == null && !unmatched) {
            relative = fromServletMapping(request, status);
        }
        if (relative == null) {
            if (status == 404 || unmatched && status >= 400) {
                return NOT_FOUND; // nothing serves this path: a scanner's paths never become routes
            }
            if (status >= 300 && status < 400) {
                return REDIRECTION;
            }
            if (uri == null) {
                uri = requestUri(request);
            }
            relative = IdNormalizer.normalize(uri, applicationStart(uri));
        }
        return admit(relative);
    }

    /**
     * The best route known while the request is still running (no status yet): what {@code TimingStats}
     * blocks inside a request are tagged with.
     */
    public String resolveInFlight(HttpServletRequest request, String reported, boolean unmatched) {
        return resolve(request, reported, unmatched, 200);
    }

    /** Whether the request's path within the application (still percent-encoded) matches one of {@code templates}. */
    public boolean matches(RouteTemplates templates, HttpServletRequest request) {
        String uri = requestUri(request);
        return templates.match(uri, applicationStart(uri)) != null;
    }

    private static String requestUri(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri == null ? "/" : uri;
    }

    /** Where the path within the application starts in {@code uri}: just past the context path. */
    private int applicationStart(String uri) {
        return !contextPath.isEmpty() && uri.startsWith(contextPath) ? contextPath.length() : 0;
    }

    private String fromServletMapping(HttpServletRequest request, int status) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
        if (match == null) {
            return null;
        }
        switch (match) {
            case CONTEXT_ROOT:
                return "/";
            case EXACT:
                return mapping.getPattern();
            case PATH:
                return fromPathMapping(request, mapping.getPattern(), status);
            case EXTENSION:
                return status == 404 ? null : IdNormalizer.normalize(request.getServletPath());
            case DEFAULT:
            default:
                return null;
        }
    }

    /** {@code /users/*} serving {@code /users/42}: {@code /users/{id}}; a 404 below it keeps the mapping itself. */
    private static String fromPathMapping(HttpServletRequest request, String pattern, int status) {
        if ("/*".equals(pattern)) {
            return null;
        }
        if (status == 404) {
            return pattern;
        }
        String pathInfo = request.getPathInfo();
        String servletPath = request.getServletPath();
        if (pathInfo == null || pathInfo.isEmpty() || pathInfo.equals("/")) {
            return servletPath;
        }
        return servletPath + IdNormalizer.normalize(pathInfo);
    }

    private String admit(String relative) {
        String full = fullRoutes.get(relative);
        if (full != null) {
            return full;
        }
        full = guard.admit(withContextPath(relative));
        if (fullRoutes.size() < cacheLimit) {
            fullRoutes.putIfAbsent(relative, full);
        }
        return full;
    }

    private String withContextPath(String relative) {
        boolean root = relative.isEmpty() || relative.equals("/");
        if (root) {
            return contextPath.isEmpty() ? ROOT : contextPath;
        }
        if (relative.charAt(0) != '/') {
            relative = "/" + relative;
        }
        return contextPath + relative;
    }
}
