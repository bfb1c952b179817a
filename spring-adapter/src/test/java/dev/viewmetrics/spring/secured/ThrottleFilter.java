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
 * ({@code X-Quota: exhausted}), 503 when it asks for maintenance ({@code X-Maintenance: on}).
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
        } else if ("on".equals(http.getHeader("X-Maintenance"))) {
            reply.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } else {
            chain.doFilter(request, response);
        }
    }
}
