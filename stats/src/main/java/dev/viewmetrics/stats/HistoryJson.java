package dev.viewmetrics.stats;

import dev.viewmetrics.stats.history.History;
import dev.viewmetrics.stats.history.Series;
import io.micrometer.core.instrument.Meter;

import java.util.function.IntToDoubleFunction;

/**
 * The {@code history} member of a timer in the JSON ({@code ?format=json&history=true}, schema in the README): its
 * row id, then {@code hour} and {@code day}, each the start of its first bucket, the bucket length, the number of
 * buckets and one array per value, oldest first, {@code null} where unknown.
 */
final class HistoryJson {

    private HistoryJson() {
    }

    /** Writes {@code "history": {…}} for {@code meter}, or nothing when it has none. */
    static void member(JsonWriter json, History history, Meter.Id meter) {
        String id = history.id(meter);
        Series hour = id == null ? null : history.lastHour(meter);
        Series day = id == null ? null : history.lastDay(meter);
        if (hour == null || day == null) {
            return;
        }
        json.name("history").beginObject().member("id", id);
        series(json.name("hour"), hour);
        series(json.name("day"), day);
        json.endObject();
    }

    private static void series(JsonWriter json, Series series) {
        json.beginObject().member("start", series.start().toString())
                .member("seconds", series.bucket().toMillis() / 1000.0)
                .member("buckets", series.size());
        array(json, "count", series, series::count);
        array(json, "rate", series, series::rate);
        array(json, "mean", series, series::mean);
        array(json, "p99", series, series::p99);
        array(json, "max", series, series::max);
        array(json, "cpu", series, series::cpu);
        array(json, "allocated", series, series::allocated);
        if (series.hasErrors()) {
            array(json, "errors", series, series::errors);
        } else {
            json.name("errors").value((String) null);
        }
        json.endObject();
    }

    /** The values as floats print them: the history keeps 4-byte floats, so more digits would be noise. */
    private static void array(JsonWriter json, String name, Series series, IntToDoubleFunction value) {
        json.name(name).beginArray();
        for (int i = 0; i < series.size(); i++) {
            double v = value.applyAsDouble(i);
            json.value(Double.isNaN(v) || Double.isInfinite(v) ? v : Double.parseDouble(Float.toString((float) v)));
        }
        json.endArray();
    }
}
