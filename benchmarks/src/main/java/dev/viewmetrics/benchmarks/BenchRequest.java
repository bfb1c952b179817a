package dev.viewmetrics.benchmarks;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.MappingMatch;
import jakarta.servlet.http.Part;

import java.io.BufferedReader;
import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark fixture, not a test mock: one {@code GET} request for a fixed URI, as a servlet container would hand
 * it to the filter chain of a web application at the root context, whose (Spring) dispatcher servlet is mapped to
 * {@code /}. It costs next to nothing: attributes live in a small array, nothing is allocated per request, and
 * {@link #reset()} makes it a fresh request again. What a filter has no business calling on this path throws, so a
 * benchmark that starts depending on more of the request fails loudly instead of measuring a stub.
 */
final class BenchRequest implements HttpServletRequest {

    private static final int MAX_ATTRIBUTES = 16;

    private final String method;
    private final String uri;
    private final ServletContext servletContext;
    private final HttpServletMapping mapping;
    private final String[] names = new String[MAX_ATTRIBUTES];
    private final Object[] values = new Object[MAX_ATTRIBUTES];
    private int size;

    BenchRequest(String method, String uri, ServletContext servletContext) {
        this.method = method;
        this.uri = uri;
        this.servletContext = servletContext;
        this.mapping = new DefaultServletMapping();
    }

    /** Forgets every attribute: the next filter invocation sees a new request. */
    void reset() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    // --- what filters call on the measured path ---------------------------------------------------------------

    @Override
    public Object getAttribute(String name) {
        int at = indexOf(name);
        return at < 0 ? null : values[at];
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
            return;
        }
        int at = indexOf(name);
        if (at >= 0) {
            values[at] = value;
            return;
        }
        if (size == MAX_ATTRIBUTES) {
            throw new IllegalStateException("BenchRequest holds at most " + MAX_ATTRIBUTES + " attributes");
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    @Override
    public void removeAttribute(String name) {
        int at = indexOf(name);
        if (at < 0) {
            return;
        }
        size--;
        names[at] = names[size];
        values[at] = values[size];
        names[size] = null;
        values[size] = null;
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(Arrays.asList(names).subList(0, size));
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return uri;
    }

    @Override
    public String getContextPath() {
        return "";
    }

    @Override
    public String getServletPath() {
        return uri; // default servlet mapping "/": the whole path is the servlet path
    }

    @Override
    public String getPathInfo() {
        return null;
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return mapping;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return true;
    }

    @Override
    public ServletContext getServletContext() {
        return servletContext;
    }

    @Override
    public String getHeader(String name) {
        return null; // no headers (trace propagation, which reads them, is not set up)
    }

    @Override
    public String getQueryString() {
        return null;
    }

    // --- the rest of the request: not on the measured path --------------------------------------------------

    private static UnsupportedOperationException notOnThePath(String what) {
        return new UnsupportedOperationException("BenchRequest." + what + " is not part of the benchmarked path");
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("async was not started");
    }

    @Override
    public AsyncContext startAsync() {
        throw notOnThePath("startAsync");
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        throw notOnThePath("startAsync");
    }

    @Override
    public String getCharacterEncoding() {
        return null;
    }

    @Override
    public void setCharacterEncoding(String env) {
        throw notOnThePath("setCharacterEncoding");
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public ServletInputStream getInputStream() {
        throw notOnThePath("getInputStream");
    }

    @Override
    public String getParameter(String name) {
        throw notOnThePath("getParameter");
    }

    @Override
    public Enumeration<String> getParameterNames() {
        throw notOnThePath("getParameterNames");
    }

    @Override
    public String[] getParameterValues(String name) {
        throw notOnThePath("getParameterValues");
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        throw notOnThePath("getParameterMap");
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getScheme() {
        return "http";
    }

    @Override
    public String getServerName() {
        return "localhost";
    }

    @Override
    public int getServerPort() {
        return 8080;
    }

    @Override
    public BufferedReader getReader() {
        throw notOnThePath("getReader");
    }

    @Override
    public String getRemoteAddr() {
        return "127.0.0.1";
    }

    @Override
    public String getRemoteHost() {
        return "127.0.0.1";
    }

    @Override
    public Locale getLocale() {
        return Locale.ROOT;
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(Collections.singletonList(Locale.ROOT));
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        throw notOnThePath("getRequestDispatcher");
    }

    @Override
    public int getRemotePort() {
        return 50000;
    }

    @Override
    public String getLocalName() {
        return "localhost";
    }

    @Override
    public String getLocalAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getLocalPort() {
        return 8080;
    }

    @Override
    public String getRequestId() {
        return "1";
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public ServletConnection getServletConnection() {
        throw notOnThePath("getServletConnection");
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public Cookie[] getCookies() {
        return null;
    }

    @Override
    public long getDateHeader(String name) {
        return -1;
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.emptyEnumeration();
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public int getIntHeader(String name) {
        return -1;
    }

    @Override
    public String getPathTranslated() {
        return null;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public StringBuffer getRequestURL() {
        throw notOnThePath("getRequestURL");
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (create) {
            throw notOnThePath("getSession(true)");
        }
        return null;
    }

    @Override
    public HttpSession getSession() {
        throw notOnThePath("getSession");
    }

    @Override
    public String changeSessionId() {
        throw notOnThePath("changeSessionId");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) {
        throw notOnThePath("authenticate");
    }

    @Override
    public void login(String username, String password) {
        throw notOnThePath("login");
    }

    @Override
    public void logout() {
        throw notOnThePath("logout");
    }

    @Override
    public Collection<Part> getParts() {
        throw notOnThePath("getParts");
    }

    @Override
    public Part getPart(String name) {
        throw notOnThePath("getPart");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
        throw notOnThePath("upgrade");
    }

    /** The mapping of a dispatcher servlet at {@code /} (Spring Boot's default). */
    private static final class DefaultServletMapping implements HttpServletMapping {
        @Override
        public String getMatchValue() {
            return ""; // the default servlet matches with an empty value
        }

        @Override
        public String getPattern() {
            return "/";
        }

        @Override
        public String getServletName() {
            return "dispatcherServlet";
        }

        @Override
        public MappingMatch getMappingMatch() {
            return MappingMatch.DEFAULT;
        }
    }
}
