package dev.viewmetrics.spring;

import dev.viewmetrics.core.ViewMetricsContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reports each matched handler (route template and handler name, before the handler runs) and, when the request is
 * complete, the exception Spring resolved into the response ({@link DispatcherServlet#EXCEPTION_ATTRIBUTE}).
 * Fail-open: a fault here never reaches the request.
 */
final class MvcReportingInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        try {
            ViewMetricsContext context = MvcReport.contextOf(request);
            if (context != null) {
                MvcReport.handlerMatched(context, request, handler);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // fail-open: metrics never break a request
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception unresolved) {
        try {
            ViewMetricsContext context = MvcReport.contextOf(request);
            Object resolved = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
            if (context != null && resolved instanceof Throwable) {
                MvcReport.exceptionHandled(context, (Throwable) resolved);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // fail-open: metrics never break a request
        }
    }
}
