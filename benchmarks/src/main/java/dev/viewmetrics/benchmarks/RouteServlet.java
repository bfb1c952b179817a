package dev.viewmetrics.benchmarks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.util.function.Consumer;

/**
 * A benchmark fixture: the end of the filter chain, doing what Spring MVC's handler mapping and a trivial
 * controller do for every request, and nothing else: it exposes the matched route the way Spring does (the
 * best-matching-pattern attribute, which viewmetrics' filter reads itself, and the path pattern on Spring's
 * observation context when its filter is in the chain) and answers 200. Every benchmark, {@code baseline}
 * included, ends in this same servlet, so differences between them are the filters'.
 */
final class RouteServlet implements FilterChain {

    /** Spring's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, spelled out to avoid spring-webmvc. */
    static final String BEST_MATCHING_PATTERN_ATTRIBUTE =
            "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private final String pattern;
    /** Created once, so that the fixture allocates nothing per request whatever the JIT inlines. */
    private final Consumer<ServerRequestObservationContext> reportPattern;

    RouteServlet(String pattern) {
        this.pattern = pattern;
        this.reportPattern = context -> context.setPathPattern(pattern);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res) {
        HttpServletRequest request = (HttpServletRequest) req;
        request.setAttribute(BEST_MATCHING_PATTERN_ATTRIBUTE, pattern);
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(reportPattern);
        ((HttpServletResponse) res).setStatus(HttpServletResponse.SC_OK);
    }
}
