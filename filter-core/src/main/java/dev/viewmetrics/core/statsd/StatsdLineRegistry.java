package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionCounter;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramGauges;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultGauge;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.internal.DefaultMeter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A Micrometer registry that writes StatsD lines straight into a line sink, normally a {@link StatsdConnector}:
 * counters, timers and distribution summaries write one line per recording, on the recording thread, formatted by
 * a {@link LineFormat}; gauges, function meters, long task timers and custom meters are polled by one daemon
 * thread, {@code viewmetrics-statsd-poller}, every poll interval once {@link #start() started}, and once more on
 * {@link #close()}. It has no queue of its own: the sink's bounded queue is the only place lines wait.
 *
 * <pre>{@code
 * StatsdConnector connector = new StatsdConnector(ConnectorSettings.from(settings)).start();
 * StatsdLineRegistry registry = new StatsdLineRegistry(format, connector, Duration.ofSeconds(10)).start();
 * }</pre>
 *
 * Names and tags reach the format unchanged (naming convention {@code identity}); the format sanitises them.
 * A fault while formatting or sending a line is counted ({@link #errors()}) and logged once, never thrown.
 */
public final class StatsdLineRegistry extends MeterRegistry {

    /** How often polled meters are sent by default. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

    private final LineFormat format;
    private final LineOutput out;
    private final MeterPoller poller;

    /**
     * A registry writing lines of {@code format} into {@code sink}; nothing is polled until {@link #start()}.
     *
     * @param format       the flavor's names and tags
     * @param sink         receives every line; it must not block (the connector does not)
     * @param pollInterval how often gauges and function meters are sent, positive
     */
    public StatsdLineRegistry(LineFormat format, Consumer<String> sink, Duration pollInterval) {
        this(format, sink, pollInterval, Clock.SYSTEM);
    }

    /** The same with the clock timers and polled meters read. */
    public StatsdLineRegistry(LineFormat format, Consumer<String> sink, Duration pollInterval, Clock clock) {
        super(clock);
        this.format = Objects.requireNonNull(format, "format");
        this.out = new LineOutput(sink);
        this.poller = new MeterPoller(pollInterval, out);
        config().namingConvention(NamingConvention.identity);
        // a line per real sample: Micrometer's default pause detector would make up samples after a JVM pause
        config().pauseDetector(new NoPauseDetector());
        config().onMeterRemoved(meter -> poller.remove(meter.getId()));
    }

    /**
     * Starts the poller thread; calling it again does nothing.
     *
     * @return this registry
     * @throws IllegalStateException when the registry was closed
     */
    public StatsdLineRegistry start() {
        poller.start();
        return this;
    }

    /** {@return lines lost to a fault while formatting, sending or polling them} */
    public long errors() {
        return out.errors();
    }

    /** Sends the polled meters a last time, stops the poller thread and closes the registry. Idempotent. */
    @Override
    public void close() {
        poller.close();
        super.close();
    }

    @Override
    protected Counter newCounter(Meter.Id id) {
        return new LineCounter(id, format.builderFor(id), out);
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig distribution, PauseDetector pauseDetector) {
        Timer timer = new LineTimer(id, clock, distribution, pauseDetector, format.builderFor(id), out);
        HistogramGauges.registerWithCommonFormat(timer, this);
        return timer;
    }

    @Override
    protected DistributionSummary newDistributionSummary(Meter.Id id, DistributionStatisticConfig distribution,
            double scale) {
        DistributionSummary summary = new LineDistributionSummary(id, clock, distribution, scale,
                format.builderFor(id), out);
        HistogramGauges.registerWithCommonFormat(summary, this);
        return summary;
    }

    @Override
    protected <T> Gauge newGauge(Meter.Id id, T obj, ToDoubleFunction<T> valueFunction) {
        Gauge gauge = new DefaultGauge<>(id, obj, valueFunction);
        poller.add(id, PolledMeters.gauge(gauge, format.builderFor(id), out));
        return gauge;
    }

    @Override
    protected <T> FunctionCounter newFunctionCounter(Meter.Id id, T obj, ToDoubleFunction<T> countFunction) {
        FunctionCounter counter = new CumulativeFunctionCounter<>(id, obj, countFunction);
        poller.add(id, new PolledMeters.CounterDelta(counter, format.builderFor(id), out));
        return counter;
    }

    @Override
    protected <T> FunctionTimer newFunctionTimer(Meter.Id id, T obj, ToLongFunction<T> countFunction,
            ToDoubleFunction<T> totalTimeFunction, TimeUnit totalTimeFunctionUnit) {
        FunctionTimer timer = new CumulativeFunctionTimer<>(id, obj, countFunction, totalTimeFunction,
                totalTimeFunctionUnit, getBaseTimeUnit());
        poller.add(id, new PolledMeters.TimerDelta(timer, format.builderFor(id), out));
        return timer;
    }

    @Override
    protected LongTaskTimer newLongTaskTimer(Meter.Id id, DistributionStatisticConfig distribution) {
        LongTaskTimer timer = new DefaultLongTaskTimer(id, clock, getBaseTimeUnit(), distribution, false);
        HistogramGauges.registerWithCommonFormat(timer, this);
        poller.add(id, PolledMeters.longTaskTimer(timer, format.builderFor(id), out));
        return timer;
    }

    @Override
    protected Meter newMeter(Meter.Id id, Meter.Type type, Iterable<Measurement> measurements) {
        Meter meter = new DefaultMeter(id, type, measurements);
        poller.add(id, PolledMeters.measurements(meter, format.builderFor(id), out));
        return meter;
    }

    @Override
    protected TimeUnit getBaseTimeUnit() {
        return TimeUnit.MILLISECONDS;
    }

    @Override
    protected DistributionStatisticConfig defaultHistogramConfig() {
        // as Micrometer's StatsD registry: local percentiles and max decay over its default step of one minute
        return DistributionStatisticConfig.builder().expiry(Duration.ofMinutes(1)).build()
                .merge(DistributionStatisticConfig.DEFAULT);
    }
}
