package dev.viewmetrics.spring.secured;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A rate limiter and maintenance switch that answer by themselves: 429 when the request says its quota is spent
 * ({@code X-Quota: exhausted}), 503 when it asks for maintenance ({@code X-Maintenance: on}), and 503 from another
 * thread, asynchronously, when it says the queue is full ({@code X-Queue: full}: the container's error page is then
 * rendered before the request completes).
 */
public class ThrottleFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse reply = (HttpServletResponse) response;
        if ("exhausted".equals(http.getHeader("X-Quota"))) {
            reply.setStatus(429);
            reply.setHeader("Retry-After", "60");
            reply.getWriter().write("slow down");
        } else if ("full".equals(http.getHeader("X-Queue"))) {
            AsyncContext async = request.startAsync();
            async.start(() -> {
                try {
                    ((HttpServletResponse) async.getResponse()).sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    async.complete();
                }
            });
        } else if ("on".equals(http.getHeader("X-Maintenance"))) {
            reply.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } else {
            chain.doFilter(request, response);
        }
    }
}
