package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Placed first among Spring MVC's exception resolvers, it sees every exception before {@code @ExceptionHandler},
 * {@code @ControllerAdvice}, {@code ResponseStatusException} or {@code ProblemDetail} handling turns it into a
 * response, reports it, and resolves nothing itself. It covers what {@link MvcReportingInterceptor} cannot see: an
 * exception resolved to an error view. Deliberately not a bean: a {@code HandlerExceptionResolver} bean would replace
 * the {@code DispatcherServlet}'s default resolvers in applications without {@code @EnableWebMvc}.
 */
final class ExceptionReportingResolver implements HandlerExceptionResolver {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception exception) {
        try {
            ViewMetricsContext context = MvcReport.contextOf(request);
            if (context != null) {
                MvcReport.exceptionHandled(context, exception);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // fail-open: metrics never break a request
        }
        return null;
    }
}
