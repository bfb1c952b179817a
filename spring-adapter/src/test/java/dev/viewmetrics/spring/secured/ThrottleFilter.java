package dev.viewmetrics.spring.secured;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A rate limiter and maintenance switch that answer by themselves: 429 when the request says its quota is spent
 * ({@code X-Quota: exhausted}), 503 when it asks for maintenance ({@code X-Maintenance: on}). A request saying the
 * queue is full ({@code X-Queue: full}) is parked asynchronously and never answered: the container's async time-out
 * answers it, with an error page rendered before the request completes.
 */
public class ThrottleFilter implements Filter {

    /** How long a parked request waits for its time-out. */
    public static final long PARKED_MILLIS = 200;

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
            request.startAsync().setTimeout(PARKED_MILLIS);
        } else if ("on".equals(http.getHeader("X-Maintenance"))) {
            reply.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } else {
            chain.doFilter(request, response);
        }
    }
}
