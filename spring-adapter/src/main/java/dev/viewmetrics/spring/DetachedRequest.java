package dev.viewmetrics.spring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A finished request as Spring MVC would see it arriving: attributes Spring's web layer left behind in earlier
 * dispatches (a parsed path, an error dispatch's {@code /error} pattern) are hidden, and whatever Spring's handler
 * mappings set or remove while matching stays in this wrapper. The request itself is never changed.
 */
final class DetachedRequest extends HttpServletRequestWrapper {

    /** Spring's web layer keeps its per-dispatch state in attributes under this prefix. */
    private static final String SPRING_WEB = "org.springframework.web.";

    /** Attributes set or removed (mapped to {@code null}) here. */
    private final Map<String, Object> local = new HashMap<>();

    DetachedRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public Object getAttribute(String name) {
        if (local.containsKey(name)) {
            return local.get(name);
        }
        return name.startsWith(SPRING_WEB) ? null : super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Enumeration<String> own = super.getAttributeNames(); own.hasMoreElements(); ) {
            String name = own.nextElement();
            if (!name.startsWith(SPRING_WEB) && !local.containsKey(name)) {
                names.add(name);
            }
        }
        local.forEach((name, value) -> {
            if (value != null) {
                names.add(name);
            }
        });
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        local.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        local.put(name, null);
    }
}
