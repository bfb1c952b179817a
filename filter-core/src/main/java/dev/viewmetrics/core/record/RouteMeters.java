package dev.viewmetrics.core.record;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The meters of one route, by (method, status, exception, handler). A route sees a handful of combinations, so a
 * copy-on-write array scanned linearly beats any map: reads take no lock and allocate nothing.
 */
final class RouteMeters {

    private volatile Entry[] entries = new Entry[0];

    Entry find(int method, int status, String exception, String handler) {
        for (Entry entry : entries) {
            if (entry.method == method && entry.status == status && same(entry.exception, exception)
                    && same(entry.handler, handler)) {
                return entry;
            }
        }
        return null;
    }

    Entry findOrAdd(int method, int status, String exception, String handler, Supplier<Entry> factory) {
        Entry found = find(method, status, exception, handler);
        if (found != null) {
            return found;
        }
        synchronized (this) {
            found = find(method, status, exception, handler);
            if (found == null) {
                found = factory.get();
                Entry[] grown = Arrays.copyOf(entries, entries.length + 1);
                grown[grown.length - 1] = found;
                entries = grown;
            }
            return found;
        }
    }

    private static boolean same(String a, String b) {
        return a == b || (a != null && a.equals(b));
    }

    /** The wall and CPU timers and the allocation summary ({@code null} when not measured) of one tag combination. */
    static final class Entry {
        final int method;
        final int status;
        final String exception;
        final String handler;
        final Timer duration;
        final Timer cpu;
        final DistributionSummary allocated;

        Entry(int method, int status, String exception, String handler, Timer duration, Timer cpu,
                DistributionSummary allocated) {
            this.method = method;
            this.status = status;
            this.exception = exception;
            this.handler = handler;
            this.duration = duration;
            this.cpu = cpu;
            this.allocated = allocated;
        }
    }
}
