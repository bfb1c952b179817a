package dev.viewmetrics.jaxrs;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import jakarta.ws.rs.core.UriInfo;

/**
 * Where a Jakarta REST application sits in its web application, and the part of a request path it matched its
 * resources against. The base is the runtime's base URI less the context path: the servlet mapping ({@code /api}
 * for {@code /api/*}, which {@code @ApplicationPath} also sets), RESTEasy's mapping prefix, a Jersey filter's
 * context path. It never holds a value from the request: under a default ({@code /}) mapping, where a runtime would
 * take the whole request path for its base, the base is empty.
 */
final class RequestPaths {

    private volatile Base last;

    /** The application's base relative to the context path, {@code /api} or {@code ""}. */
    String base(UriInfo uriInfo, HttpServletRequest request) {
        String baseUri = uriInfo.getBaseUri().getRawPath();
        Base cached = last;
        if (cached != null && cached.baseUri.equals(baseUri)) {
            return cached.base;
        }
        String base = relativeBase(baseUri, request);
        if (!base.isEmpty() || !isDefaultMapping(request)) {
            last = new Base(baseUri, base); // a default mapping's base URIs differ on every request: not cached
        }
        return base;
    }

    private static String relativeBase(String baseUri, HttpServletRequest request) {
        String contextPath = request.getContextPath();
        if (baseUri == null || contextPath == null || !baseUri.startsWith(contextPath)) {
            return "";
        }
        String base = baseUri.substring(contextPath.length());
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.isEmpty() || (isDefaultMapping(request) && base.equals(request.getServletPath()))) {
            return "";
        }
        return base;
    }

    private static boolean isDefaultMapping(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        return mapping != null && mapping.getMappingMatch() == MappingMatch.DEFAULT;
    }

    /** The path the runtime matched against its resources: percent-encoded, no matrix parameters, a leading slash. */
    static String withinApplication(UriInfo uriInfo) {
        String path = uriInfo.getPath(false);
        StringBuilder out = new StringBuilder(path.length() + 1);
        boolean matrix = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                matrix = false;
                if (out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                    out.append('/');
                }
            } else if (c == ';') {
                matrix = true;
            } else if (!matrix) {
                if (out.length() == 0) {
                    out.append('/');
                }
                out.append(c);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private record Base(String baseUri, String base) {
    }
}
