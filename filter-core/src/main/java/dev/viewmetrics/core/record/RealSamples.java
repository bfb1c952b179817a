package dev.viewmetrics.core.record;

import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;

/**
 * Timers that hold real samples only. Micrometer's default pause detector ({@code ClockDriftPauseDetector}) adds
 * made-up samples to a timer after every JVM pause longer than the timer's estimated interval between samples (its
 * coordinated-omission correction), and keeps that estimate with an extra clock read on every sample. A
 * {@code view.duration} sample is one request and a {@code view.cpu} sample one request's CPU time: viewmetrics'
 * timers are registered with {@link #PAUSE_DETECTOR}, so that their counts, and the lines sent to StatsD, are the
 * requests and blocks that happened.
 */
public final class RealSamples {

    /** No pause detection: a timer records exactly the samples given to it. */
    public static final PauseDetector PAUSE_DETECTOR = new NoPauseDetector();

    private RealSamples() {
    }
}
