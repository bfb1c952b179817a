package dev.viewmetrics.sample.plain;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code /plain/users/{id}} and {@code /plain/users/{id}/orders/{orderId}}: a servlet that knows no framework. */
public class UsersServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts = req.getPathInfo() == null ? new String[0] : req.getPathInfo().substring(1).split("/");
        resp.setContentType("text/plain;charset=utf-8");
        if (parts.length == 1 && !parts[0].isEmpty()) {
            resp.getWriter().write("user " + parts[0] + "\n");
        } else if (parts.length == 3 && parts[1].equals("orders")) {
            resp.getWriter().write("user " + parts[0] + ", order " + parts[2] + "\n");
        } else {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
