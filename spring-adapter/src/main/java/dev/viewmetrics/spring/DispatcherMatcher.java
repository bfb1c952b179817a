package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.resource.DefaultServletHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which route one DispatcherServlet would have matched for a request it never served. Its handler mappings are
 * asked in the DispatcherServlet's order, as it asks them, on a {@link DetachedRequest}; the first that answers
 * decides, with Spring's own best match:
 * <ul>
 *   <li>a handler: the pattern it matched ({@code /accounts/{name}/settings}, a functional route's,
 *       {@code /static/**});
 *   <li>Spring's refusal of a request whose path a {@code @RequestMapping} matches but whose method, content type,
 *       accepted types or parameters do not (405, 415, 406, 400): the most specific of those paths' patterns;
 *   <li>no mapping, or only a file handler's catch-all {@code /**} (which names every path): nothing matched.
 * </ul>
 */
final class DispatcherMatcher {

    private static final String CATCH_ALL = "/**";

    final ApplicationContext context;
    private final List<HandlerMapping> mappings;
    private final boolean parsesPath;

    private DispatcherMatcher(ApplicationContext context, List<HandlerMapping> mappings) {
        this.context = context;
        this.mappings = mappings;
        this.parsesPath = mappings.stream().anyMatch(HandlerMapping::usesPathPatterns);
    }

    /**
     * The matcher of the DispatcherServlet whose context is {@code context}: the handler mapping beans of that
     * context and its ancestors, in order, or Spring's default mappings when there are none.
     */
    static DispatcherMatcher of(ApplicationContext context) {
        List<HandlerMapping> mappings = new ArrayList<>(
                BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false).values());
        if (mappings.isEmpty()) {
            mappings.addAll(new DefaultMappings().of(context));
        }
        AnnotationAwareOrderComparator.sort(mappings);
        return new DispatcherMatcher(context, List.copyOf(mappings));
    }

    /** Reports into {@code metrics} the route the DispatcherServlet would have matched for {@code request}. */
    void report(HttpServletRequest request, ViewMetricsContext metrics) {
        DetachedRequest probe = new DetachedRequest(request);
        // as the DispatcherServlet presents a request to its mappings: they parse its path once, not each on its own
        probe.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        if (parsesPath) {
            ServletRequestPathUtils.parseAndCache(probe);
        }
        for (HandlerMapping mapping : mappings) {
            HandlerExecutionChain chain;
            try {
                chain = mapping.getHandler(probe);
            } catch (Exception refused) {
                // the DispatcherServlet stops here too, answering with the refusal (405, 406, 415, ...)
                if (mapping instanceof RequestMappingInfoHandlerMapping annotated) {
                    reportPattern(metrics, probe, pathMatch(annotated, probe));
                }
                return;
            }
            if (chain != null) {
                reportHandler(metrics, mapping, chain, probe);
                return;
            }
        }
        metrics.setUnmatched();
    }

    private static void reportHandler(ViewMetricsContext metrics, HandlerMapping mapping, HandlerExecutionChain chain,
            DetachedRequest probe) {
        exposeUrlMappingPath(chain, probe);
        Object pattern = probe.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null && mapping instanceof RequestMappingInfoHandlerMapping annotated) {
            pattern = pathMatch(annotated, probe); // Spring's own answer to an OPTIONS request carries no pattern
        }
        if (CATCH_ALL.equals(pattern) && servesFiles(chain.getHandler())) {
            metrics.setUnmatched();
        } else if (pattern instanceof String) {
            reportPattern(metrics, probe, (String) pattern);
        }
    }

    private static void reportPattern(ViewMetricsContext metrics, HttpServletRequest probe, String pattern) {
        if (pattern != null) {
            metrics.setRoute(MvcReport.route(probe, pattern));
        }
    }

    /**
     * URL handler mappings ({@code /static/**}, bean names) expose the pattern they matched from an interceptor of
     * their own when the DispatcherServlet runs the chain; only those interceptors run here, on the probe.
     */
    private static void exposeUrlMappingPath(HandlerExecutionChain chain, DetachedRequest probe) {
        for (HandlerInterceptor interceptor : chain.getInterceptorList()) {
            if (interceptor.getClass().getEnclosingClass() == AbstractUrlHandlerMapping.class) {
                try {
                    interceptor.preHandle(probe, null, chain.getHandler()); // they only set request attributes
                } catch (Exception e) {
                    throw new IllegalStateException("Spring's URL mapping interceptor failed", e);
                }
            }
        }
    }

    private static boolean servesFiles(Object handler) {
        return handler instanceof ResourceHttpRequestHandler || handler instanceof DefaultServletHttpRequestHandler;
    }

    /**
     * The most specific pattern, in Spring's order, of the {@code @RequestMapping}s whose path matches the request
     * whatever its method, content types or parameters; {@code null} when none does.
     */
    private static <T extends RequestCondition<T>> String pathMatch(RequestMappingInfoHandlerMapping mapping,
            HttpServletRequest probe) {
        RequestMappingInfo bestInfo = null;
        T best = null;
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            RequestCondition<T> paths = info.getActivePatternsCondition();
            T matched = paths.getMatchingCondition(probe);
            if (matched != null && (best == null || matched.compareTo(best, probe) < 0)) {
                best = matched;
                bestInfo = info;
            }
        }
        if (best instanceof PathPatternsRequestCondition patterns) {
            return patterns.getFirstPattern().getPatternString();
        }
        Set<String> patterns = bestInfo == null ? Set.of() : bestInfo.getPatternValues();
        return patterns.size() == 1 ? patterns.iterator().next() : null;
    }

    /** The handler mappings a DispatcherServlet creates when its context declares none. */
    private static final class DefaultMappings extends DispatcherServlet {

        private static final long serialVersionUID = 1L;

        List<HandlerMapping> of(ApplicationContext context) {
            return getDefaultStrategies(context, HandlerMapping.class);
        }
    }
}
