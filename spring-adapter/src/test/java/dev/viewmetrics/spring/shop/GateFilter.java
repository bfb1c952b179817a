package dev.viewmetrics.spring.shop;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * A stand-in for a security filter in front of the DispatcherServlet: it answers {@code /admin/**} with 401, serves
 * {@code /login} itself, and answers every request asking for maintenance ({@code X-Maintenance: on}) with 503, so
 * Spring MVC never sees those requests.
 */
public class GateFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if ("on".equals(http.getHeader("X-Maintenance"))) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } else if (path.startsWith("/admin/")) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else if (path.equals("/login")) {
            response.setContentType("text/plain");
            response.getWriter().write("login page");
        } else {
            chain.doFilter(request, response);
        }
    }
}
