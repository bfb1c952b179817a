package dev.viewmetrics.sample.mixin;

import dev.viewmetrics.mixins.StatsdClient;
import dev.viewmetrics.mixins.StatsdHttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /mixin/widgets/{id}} with the handler mixin: each request sends
 * {@code applications.sample.dev.timers.WidgetHandler.GET.200:{ms}|ms} (sprockets' format), plus the metrics below.
 */
public class WidgetHandler extends StatsdHttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        try (StatsdClient.Timer timer = executionTimer("widgets", "load")) {
            increaseCounter("widgets", "served");
        }
        resp.setContentType("text/plain;charset=utf-8");
        resp.getWriter().write("widget " + id + "\n");
    }
}
