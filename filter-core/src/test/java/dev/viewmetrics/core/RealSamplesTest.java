package dev.viewmetrics.core;

import dev.viewmetrics.core.record.RequestRecorder;
import dev.viewmetrics.core.statsd.LineFormat;
import dev.viewmetrics.core.statsd.StatsdFlavor;
import dev.viewmetrics.core.statsd.StatsdLineRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.ClockDriftPauseDetector;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * viewmetrics' timers hold the samples they were given and no more: Micrometer's default pause detector would add
 * made-up samples after a JVM pause (and read the clock once more per sample), so every timer viewmetrics registers
 * asks for none, in any registry, and its own StatsD registry has none.
 */
class RealSamplesTest {

    /** A real registry, Micrometer's default pause detector configured, that notes the detector each timer got. */
    static final class DetectorNotingRegistry extends SimpleMeterRegistry {
        final Map<String, PauseDetector> detectors = new ConcurrentHashMap<>();

        DetectorNotingRegistry() {
            config().pauseDetector(new ClockDriftPauseDetector(Duration.ofMillis(100), Duration.ofMillis(100)));
        }

        @Override
        protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
            detectors.put(id.getName(), pauseDetector);
            return super.newTimer(id, config, pauseDetector);
        }
    }

    @Test
    void requestTimersGetNoPauseDetector() {
        DetectorNotingRegistry registry = new DetectorNotingRegistry();
        RequestRecorder recorder = new RequestRecorder(registry, "view", Tags.empty(), true);

        recorder.record("/users/{id}", 0, 200, "none", null, 1_000_000, 500_000, 2048);

        assertThat(registry.detectors).containsOnlyKeys("view.duration", "view.cpu");
        assertThat(registry.detectors.values()).allMatch(NoPauseDetector.class::isInstance);
        assertThat(registry.get("view.duration").timer().count()).isEqualTo(1);
    }

    @Test
    void blockTimersGetNoPauseDetector() {
        DetectorNotingRegistry registry = new DetectorNotingRegistry();
        Metrics.addRegistry(registry);
        try {
            TimingStats.time("nightly.job", () -> { });
        } finally {
            Metrics.removeRegistry(registry);
        }

        // the global registry also hands over the timers earlier tests registered in it
        assertThat(registry.detectors).containsKeys("nightly.job", "nightly.job.cpu");
        assertThat(registry.detectors.values()).allMatch(NoPauseDetector.class::isInstance);
    }

    @Test
    void statsdWrapperTimersGetNoPauseDetector() {
        DetectorNotingRegistry registry = new DetectorNotingRegistry();
        try (StatsD statsd = StatsD.builder().registry(registry).build()) {
            statsd.timing("checkout", Duration.ofMillis(3));
            try (StatsD.Timing timing = statsd.timer("payment")) {
                assertThat(timing).isNotNull();
            }
        }

        assertThat(registry.detectors).containsOnlyKeys("checkout", "payment");
        assertThat(registry.detectors.values()).allMatch(NoPauseDetector.class::isInstance);
    }

    @Test
    void ownStatsdRegistrySendsALinePerRealSampleOnly() {
        List<String> lines = new CopyOnWriteArrayList<>();
        StatsdLineRegistry registry = new StatsdLineRegistry(LineFormat.of(StatsdFlavor.DATADOG, null, "view",
                Map.of()), lines::add, StatsdLineRegistry.DEFAULT_POLL_INTERVAL);
        try {
            assertThat(registry.config().pauseDetector()).isInstanceOf(NoPauseDetector.class);
            Timer timer = Timer.builder("user.timer").register(registry); // no detector of its own: the registry's
            timer.record(Duration.ofMillis(2));
            assertThat(lines).containsExactly("user.timer:2|ms");
        } finally {
            registry.close();
        }
    }
}
