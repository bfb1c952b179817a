package dev.viewmetrics.spring.secured;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.ServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sees a request's attributes twice: as a filter just inside viewmetrics' own, when the chain returned (before
 * viewmetrics finishes the request and asks its lookup), and as a request listener when the container is done with
 * the request. A lookup that changed the request would show as a difference.
 */
public final class AttributeWitness implements Filter, ServletRequestListener {

    /** The witness the secured plain Spring MVC shop registers. */
    public static final AttributeWitness INSTANCE = new AttributeWitness();

    private final Map<String, Map<String, String>> afterChain = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> atEnd = new ConcurrentHashMap<>();

    private AttributeWitness() {
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            witness(request, afterChain);
        }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        witness(event.getServletRequest(), atEnd);
    }

    private static void witness(ServletRequest request, Map<String, Map<String, String>> into) {
        String id = request.getParameter("witness");
        if (id != null) {
            Map<String, String> attributes = new TreeMap<>();
            for (String name : Collections.list(request.getAttributeNames())) {
                attributes.put(name, String.valueOf(request.getAttribute(name)));
            }
            into.put(id, attributes);
        }
    }

    /** The attributes of request {@code ?witness=id} when the chain inside viewmetrics returned. */
    public Map<String, String> afterChain(String id) {
        return afterChain.get(id);
    }

    /** The attributes of request {@code ?witness=id} when the container was done with it. */
    public Map<String, String> atEnd(String id) {
        return atEnd.get(id);
    }
}
