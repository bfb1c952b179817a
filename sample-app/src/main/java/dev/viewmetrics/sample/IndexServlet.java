package dev.viewmetrics.sample;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /}: what the sample serves, linked. */
final class IndexServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String PAGE = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>viewmetrics sample</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
              code { background: #f2f2f2; padding: 0 .2rem; } li { margin: .3rem 0; }
            </style></head><body>
            <h1>viewmetrics sample</h1>
            <p>Every request below is timed (wall and CPU) under its route template.</p>
            <p><a href="/stats">The stats page</a>: every meter by route, with rates, percentiles, CPU time and
              the last hour as a chart (click one for its last 24 hours;
              <a href="/stats?format=prettyjson">as JSON</a>).</p>
            <h2>web.xml webapp: <code>/plain</code></h2>
            <ul>
              <li><a href="/plain/users/42">GET /plain/users/{id}</a></li>
              <li><a href="/plain/users/42/orders/7">GET /plain/users/{id}/orders/{orderId}</a></li>
            </ul>
            <h2>Spring MVC with <code>@EnableViewMetrics</code>: <code>/spring</code></h2>
            <ul>
              <li><a href="/spring/orders/7">GET /spring/orders/{orderId}</a></li>
              <li><a href="/spring/orders/7/items/3">GET /spring/orders/{orderId}/items/{itemId}</a></li>
              <li><form method="post" action="/spring/orders" style="display:inline">
                  <button type="submit">POST /spring/orders</button></form> (201)</li>
              <li><a href="/spring/cpu?ms=100">GET /spring/cpu?ms=100</a> burns 100 ms of CPU</li>
              <li><a href="/spring/slow?ms=100">GET /spring/slow?ms=100</a> sleeps 100 ms</li>
              <li><a href="/spring/fail">GET /spring/fail</a> throws, handled by an @ExceptionHandler (500)</li>
              <li><a href="/spring/async/1">GET /spring/async/{id}</a> DeferredResult, ~50 ms</li>
            </ul>
            <h2>sprockets-style mixin servlets: <code>/mixin</code></h2>
            <ul>
              <li><a href="/mixin/widgets/5">GET /mixin/widgets/{id}</a></li>
            </ul>
            <h2>Jersey with the <code>viewmetrics-jaxrs</code> jar: <code>/rest</code></h2>
            <ul>
              <li><a href="/rest/users/42">GET /rest/users/{id}</a></li>
              <li><a href="/rest/users/42/orders/7">GET /rest/users/{id}/orders/{orderId}</a> through a sub-resource
                locator, <code>{orderId: [0-9]+}</code></li>
              <li><a href="/rest/users/42/locked">GET /rest/users/{id}/locked</a> throws, mapped to 423 by an
                ExceptionMapper</li>
              <li><a href="/rest/jobs/9">GET /rest/jobs/{jobId}</a> @Suspended AsyncResponse, ~50 ms</li>
            </ul>
            </body></html>
            """;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=utf-8");
        resp.getWriter().write(PAGE);
    }
}
