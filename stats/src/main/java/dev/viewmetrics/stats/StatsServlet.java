package dev.viewmetrics.stats;

import dev.viewmetrics.core.config.ContextEnvironment;
import dev.viewmetrics.core.config.Settings;
import dev.viewmetrics.stats.history.History;
import dev.viewmetrics.stats.history.Series;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The stats page: every meter of a registry as an HTML table grouped by name and route (count, 1/5/15-minute rates,
 * mean, p50/p95/p99, max, wall and CPU side by side), sortable by column; {@code ?format=json} or
 * {@code ?format=prettyjson} gives the same rows as JSON, {@code ?query=} filters them. Off unless mounted, and
 * then only loopback clients are answered unless the {@code stats.allow} init-param lists other networks.
 *
 * <p>In code, {@code new StatsServlet(registry)}; from {@code web.xml} the registry is found in the servlet-context
 * attribute {@value #REGISTRY_ATTRIBUTE} (or the one the {@code stats.registry-attribute} init-param names), else
 * Micrometer's global registry. A daemon thread, {@code viewmetrics-stats-rates}, samples counts every 5 s for the
 * rates and the history while the servlet lives: each timer row shows its last hour as a sparkline linking to its
 * detail view ({@code ?row=ID}: charts of the last hour and 24 hours), and {@code ?format=json} carries the same
 * history ({@code &history=false} leaves it out).
 */
public final class StatsServlet extends HttpServlet {

    /** The servlet-context attribute a registry (or {@code ViewMetrics}, or {@code StatsD}) is looked up in. */
    public static final String REGISTRY_ATTRIBUTE = "dev.viewmetrics.registry";

    /**
     * The length of the history's finest bucket, a minute; shorter only for tests and demos that want "two different
     * minutes" without waiting one (at least 1 s, at most 1 min; the coarse buckets are ten of them).
     */
    static final String HISTORY_MINUTE_KEY = "stats.history-minute";

    private static final System.Logger LOG = System.getLogger("dev.viewmetrics");
    private static final Pattern ROW_ID = Pattern.compile("[0-9a-f]{16}");

    private final MeterRegistry registry;
    private final Duration tick;
    private final Clock clock;
    private RegistrySource source;
    private AllowList allowList;
    private RateTracker rates;
    private History history;
    private HistorySampler historySampler;
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
        this(registry, tick, Clock.systemUTC());
    }

    /** Samples every {@code tick} (or more often for a short history minute); the history reads {@code clock}. */
    StatsServlet(MeterRegistry registry, Duration tick, Clock clock) {
        this.registry = registry;
        this.tick = tick;
        this.clock = clock;
    }

    @Override
    public void init() throws ServletException {
        Settings settings = Settings.of(this::parameter, ContextEnvironment.of(getServletContext()));
        Duration minute;
        try {
            allowList = AllowList.parse(settings.get(AllowList.KEY, AllowList.LOOPBACK));
            minute = historyMinute(settings);
        } catch (IllegalArgumentException e) {
            throw new ServletException(e.getMessage(), e);
        }
        source = registry != null ? RegistrySource.of(registry)
                : RegistrySource.of(getServletContext(), settings.get(RegistrySource.KEY, REGISTRY_ATTRIBUTE));
        rates = new RateTracker();
        history = new History(clock, minute);
        historySampler = new HistorySampler(history);
        long period = Math.min(tick.toMillis(), minute.toMillis() / 4);
        sampler = Threads.single("viewmetrics-stats-rates");
        sampler.scheduleAtFixedRate(this::sample, 0, period, TimeUnit.MILLISECONDS);
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
        String rowId = request.getParameter("row");
        String withHistory = Objects.requireNonNullElse(request.getParameter("history"), "true");
        if (rowId != null && !ROW_ID.matcher(rowId).matches() || !withHistory.matches("true|false")) {
            send(response, 400, "text/plain;charset=utf-8", "viewmetrics stats: row must be a row id (16 hex "
                    + "digits, as the page links it) and history true or false\n");
            return;
        }
        Meter.Id detail = rowId == null ? null : history.meter(rowId);
        if (rowId != null && detail == null) {
            send(response, 404, "text/plain;charset=utf-8", "viewmetrics stats: no history for this row (its meter "
                    + "has left the registry, or the process started again)\n");
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
            if (query.test(row) && (detail == null || row.meter().id().equals(detail))) {
                rows.add(row);
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long pid = ReportSettings.pid();
        String shownQuery = query.text().isEmpty() ? null : query.text();
        HtmlPage.Info info = new HtmlPage.Info(pid, now, shownQuery, null);
        if (format.equals("html") && detail != null) {
            detail(response, detail, rowId, info);
        } else if (format.equals("html")) {
            html(response, 200, HtmlPage.render(rows, info, history));
        } else {
            send(response, 200, "application/json", JsonReport.render(rows, now, pid, shownQuery,
                    format.equals("prettyjson"), withHistory.equals("true") ? history : null));
        }
    }

    /** The history the page shows (null before {@link #init()}). */
    History history() {
        return history;
    }

    @Override
    public void destroy() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

    private void detail(HttpServletResponse response, Meter.Id meter, String rowId, HtmlPage.Info info)
            throws IOException {
        Series hour = history.lastHour(meter);
        Series day = history.lastDay(meter);
        if (hour == null || day == null) {
            send(response, 404, "text/plain;charset=utf-8", "viewmetrics stats: this row has just left the history\n");
            return;
        }
        html(response, 200, DetailPage.render(meter, rowId, hour, day, info));
    }

    private static Duration historyMinute(Settings settings) {
        Duration minute = settings.getDuration(HISTORY_MINUTE_KEY, Duration.ofMinutes(1));
        if (minute.compareTo(Duration.ofSeconds(1)) < 0 || minute.compareTo(Duration.ofMinutes(1)) > 0) {
            throw Settings.invalid(HISTORY_MINUTE_KEY, settings.get(HISTORY_MINUTE_KEY),
                    "a duration from 1s to 1m (the length of the history's finest bucket)");
        }
        return minute;
    }

    private void sample() {
        try {
            MeterRegistry current = source.get();
            rates.tick(current, System.nanoTime());
            historySampler.sample(current, rates);
        } catch (RuntimeException e) {
            if (!sampleFailureLogged) {
                sampleFailureLogged = true;
                LOG.log(System.Logger.Level.WARNING, "viewmetrics: sampling rates and history for the stats page "
                        + "failed", e);
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
