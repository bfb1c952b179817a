package dev.viewmetrics.stats;

import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The stats page: every meter of a registry as an HTML table grouped by name and route (count, 1/5/15-minute rates,
 * mean, p50/p95/p99, max, wall and CPU side by side), sortable by column; {@code ?format=json} or
 * {@code ?format=prettyjson} gives the same rows as JSON, {@code ?query=} filters them. Off unless mounted, and
 * then only loopback clients are answered unless the {@code stats.allow} init-param lists other networks.
 *
 * <p>In code, {@code new StatsServlet(registry)}; from {@code web.xml} the registry is found in the servlet-context
 * attribute {@value #REGISTRY_ATTRIBUTE} (or the one the {@code stats.registry-attribute} init-param names), else
 * Micrometer's global registry. A daemon thread, {@code viewmetrics-stats-rates}, samples counts every 5 s for the
 * rates while the servlet lives.
 */
public final class StatsServlet extends HttpServlet {

    /** The servlet-context attribute a registry (or {@code ViewMetrics}, or {@code StatsD}) is looked up in. */
    public static final String REGISTRY_ATTRIBUTE = "dev.viewmetrics.registry";

    private static final System.Logger LOG = System.getLogger("dev.viewmetrics");

    private final MeterRegistry registry;
    private final Duration tick;
    private RegistrySource source;
    private AllowList allowList;
    private RateTracker rates;
    private ScheduledExecutorService sampler;
    private volatile boolean sampleFailureLogged;

    /** For {@code web.xml}: the registry is looked up in the servlet context, then the global registry. */
    public StatsServlet() {
        this(null, RateTracker.TICK);
    }

    /** Shows {@code registry}. */
    public StatsServlet(MeterRegistry registry) {
        this(Objects.requireNonNull(registry, "registry"), RateTracker.TICK);
    }

    StatsServlet(MeterRegistry registry, Duration tick) {
        this.registry = registry;
        this.tick = tick;
    }

    @Override
    public void init() throws ServletException {
        Settings settings = Settings.of(this::parameter, ContextEnvironment.of(getServletContext()));
        try {
            allowList = AllowList.parse(settings.get(AllowList.KEY, AllowList.LOOPBACK));
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        source = registry != null ? RegistrySource.of(registry)
                : RegistrySource.of(getServletContext(), settings.get(RegistrySource.KEY, REGISTRY_ATTRIBUTE));
        rates = new RateTracker();
        sampler = Threads.single("viewmetrics-stats-rates");
        sampler.scheduleAtFixedRate(this::sample, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!allowList.allows(request.getRemoteAddr())) {
            send(response, 403, "text/plain;charset=utf-8", "viewmetrics stats: this client is not allowed; "
                    + "the stats.allow init-param lists who is (loopback only by default)\n");
            return;
        }
        String format = Objects.requireNonNullElse(request.getParameter("format"), "html");
        if (!format.equals("html") && !format.equals("json") && !format.equals("prettyjson")) {
            send(response, 400, "text/plain;charset=utf-8", "viewmetrics stats: format must be html, json or "
                    + "prettyjson\n");
            return;
        }
        String queryText = request.getParameter("query");
        Query query;
        try {
            query = Query.parse(queryText);
        } catch (IllegalArgumentException e) {
            badQuery(response, format, queryText, e.getMessage());
            return;
        }
        List<StatRow> rows = new ArrayList<>();
        for (StatRow row : StatRows.of(MeterReader.readAll(source.get()), rates)) {
            if (query.test(row)) {
                rows.add(row);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long pid = ReportSettings.pid();
        String shownQuery = query.text().isEmpty() ? null : query.text();
        if (format.equals("html")) {
            html(response, 200, HtmlPage.render(rows, new HtmlPage.Info(pid, now, shownQuery, null)));
        } else {
            send(response, 200, "application/json",
                    JsonReport.render(rows, now, pid, shownQuery, format.equals("prettyjson")));
        }
    }

    @Override
    public void destroy() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    private void sample() {
        try {
            rates.tick(source.get(), System.nanoTime());
        } catch (RuntimeException e) {
            if (!sampleFailureLogged) {
                sampleFailureLogged = true;
                LOG.log(System.Logger.Level.WARNING, "viewmetrics: sampling rates for the stats page failed", e);
            }
        }
    }

    private void badQuery(HttpServletResponse response, String format, String queryText, String message)
            throws IOException {
        if (format.equals("html")) {
            html(response, 400, HtmlPage.render(List.of(), new HtmlPage.Info(ReportSettings.pid(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    queryText, "Bad query: " + message)));
        } else {
            StringBuilder json = new StringBuilder();
            new JsonWriter(json, format.equals("prettyjson")).beginObject().member("error", "bad query: " + message)
                    .endObject();
            send(response, 400, "application/json", json.toString());
        }
    }

    private static void html(HttpServletResponse response, int status, String page) throws IOException {
        response.setHeader("Content-Security-Policy", PageAssets.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        send(response, status, "text/html;charset=utf-8", page);
    }

    private static void send(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private String parameter(String key) {
        String value = getInitParameter(key);
        return value != null ? value : getServletContext().getInitParameter(key);
    }
}
