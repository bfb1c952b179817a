package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import io.micrometer.core.instrument.Tag;

import java.time.Instant;
import java.util.List;

/**
 * The JSON form of the stats (schema version 1, documented in the README), shared by the stats page's
 * {@code ?format=json} and the {@link JsonFileReporter}'s files.
 */
final class JsonReport {

    /** The schema version written as {@code "version"}. */
    static final int VERSION = 1;

    private JsonReport() {
    }

    /** The document for {@code rows}; {@code query} is written when not {@code null}. */
    static String render(List<StatRow> rows, Instant timestamp, long pid, String query, boolean pretty) {
        return render(rows, timestamp, pid, query, pretty, null);
    }

    /** The document, with each timer's {@code history} when {@code history} is not null. */
    static String render(List<StatRow> rows, Instant timestamp, long pid, String query, boolean pretty,
            History history) {
        StringBuilder out = new StringBuilder(256 + rows.size() * 400);
        JsonWriter json = new JsonWriter(out, pretty);
        json.beginObject()
                .member("version", VERSION)
                .member("timestamp", timestamp.toString())
                .member("pid", pid);
        if (query != null) {
            json.member("query", query);
        }
        json.name("meters").beginArray();
        for (StatRow row : rows) {
            meter(json, row, history);
        }
        json.endArray().endObject();
        return out.toString();
    }

    private static void meter(JsonWriter json, StatRow row, History history) {
        MeterValues meter = row.meter();
        json.beginObject().member("name", meter.name()).member("type", meter.kind().label);
        json.name("tags").beginObject();
        for (Tag tag : meter.tags()) {
            json.member(tag.getKey(), tag.getValue());
        }
        json.endObject();
        switch (meter.kind()) {
            case COUNTER -> {
                json.member("count", meter.count());
                rates(json, row.rates());
            }
            case TIMER, SUMMARY -> {
                json.member("count", meter.count());
                rates(json, row.rates());
                json.member("unit", meter.unit());
                distribution(json, meter);
                if (row.cpu() != null) {
                    json.name("cpu").beginObject().member("name", row.cpu().name())
                            .member("count", row.cpu().count());
                    distribution(json, row.cpu());
                    json.endObject();
                }
                if (row.allocated() != null) {
                    json.name("allocated").beginObject().member("name", row.allocated().name())
                            .member("count", row.allocated().count()).member("unit", row.allocated().unit());
                    distribution(json, row.allocated());
                    json.endObject();
                }
            }
            case LONG_TASK_TIMER -> json.member("active", meter.value()).member("unit", meter.unit())
                    .member("duration", meter.total()).member("max", meter.max());
            default -> json.member("value", meter.value()).member("unit", meter.unit());
        }
        if (history != null && meter.kind() == MeterKind.TIMER) {
            HistoryJson.member(json, history, meter.id());
        }
        json.endObject();
    }

    private static void rates(JsonWriter json, double[] rates) {
        json.name("rate").beginObject().member("m1", rates[0]).member("m5", rates[1]).member("m15", rates[2])
                .endObject();
    }

    private static void distribution(JsonWriter json, MeterValues values) {
        json.member("mean", values.mean()).member("max", values.max()).member("total", values.total())
                .member("p50", values.p50()).member("p95", values.p95()).member("p99", values.p99());
    }
}
