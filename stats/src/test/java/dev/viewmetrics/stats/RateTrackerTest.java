package dev.viewmetrics.stats;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** 1/5/15-minute rates: moving averages of sampled counts, warming up from zero, events per second. */
class RateTrackerTest {

    private static final long TICK = 5_000_000_000L;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateTracker tracker = new RateTracker();
    private long now = 1_000_000_000L;

    @Test
    void unknownUntilTheSecondSampleThenWarmingUpFromZero() {
        Counter hits = registry.counter("hits");
        hits.increment(1000); // before sampling began: not a rate
        tick();
        assertThat(rates(hits)).containsOnly(Double.NaN);

        hits.increment(50); // 10 per second over 5 s
        tick();

        double[] rates = rates(hits);
        assertThat(rates[0]).isCloseTo(10 * (1 - Math.exp(-5.0 / 60)), within(1e-9));
        assertThat(rates[1]).isCloseTo(10 * (1 - Math.exp(-5.0 / 300)), within(1e-9));
        assertThat(rates[2]).isCloseTo(10 * (1 - Math.exp(-5.0 / 900)), within(1e-9));
    }

    @Test
    void aSteadyRateIsReachedWindowByWindow() {
        Counter hits = registry.counter("hits");
        tick();
        for (int i = 0; i < 12 * 5; i++) { // five minutes at 10/s
            hits.increment(50);
            tick();
        }

        double[] rates = rates(hits);
        assertThat(rates[0]).isCloseTo(10 * (1 - Math.exp(-5)), within(1e-6));
        assertThat(rates[1]).isCloseTo(10 * (1 - Math.exp(-1)), within(1e-6));
        assertThat(rates[2]).isLessThan(rates[1]);

        for (int i = 0; i < 12; i++) { // one quiet minute
            tick();
        }
        double[] quiet = rates(hits);
        assertThat(quiet[0]).isCloseTo(rates[0] * Math.exp(-1), within(1e-6));
        assertThat(quiet[1]).isLessThan(rates[1]).isGreaterThan(quiet[0]);
    }

    @Test
    void aMeterCreatedSinceTheLastSampleCountsFromZero() {
        tick();
        Counter late = registry.counter("late");
        late.increment(5);
        tick();

        assertThat(rates(late)[0]).isCloseTo(1 * (1 - Math.exp(-5.0 / 60)), within(1e-9));
    }

    @Test
    void timersCountTheirEventsAndGaugesHaveNoRate() {
        registry.gauge("depth", 4);
        var timer = registry.timer("work");
        tick();
        timer.record(java.time.Duration.ofMillis(1));
        tick();

        assertThat(tracker.rates(timer.getId())[0]).isPositive();
        assertThat(tracker.rates(registry.get("depth").gauge().getId())).containsOnly(Double.NaN);
    }

    @Test
    void anotherRegistryStartsOver() {
        Counter hits = registry.counter("hits");
        tick();
        hits.increment(50);
        tick();
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        other.counter("hits").increment(1_000_000);

        tracker.tick(other, now += TICK);

        assertThat(tracker.rates(other.get("hits").counter().getId())).containsOnly(Double.NaN);
    }

    private void tick() {
        tracker.tick(registry, now += TICK);
    }

    private double[] rates(Counter counter) {
        return tracker.rates(counter.getId());
    }
}
