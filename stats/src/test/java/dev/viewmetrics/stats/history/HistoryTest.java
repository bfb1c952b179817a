package dev.viewmetrics.stats.history;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The history store, driven by a manual clock: minutes and days pass without waiting for them. */
class HistoryTest {

    private static final Instant START = Instant.parse("2026-11-21T10:00:30Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ManualClock clock = new ManualClock(START);
    private final History history = new History(clock, MINUTE);
    private final Meter.Id users = id("view.duration", "route", "/users/{id}", "method", "GET", "status", "200");

    @Test
    void eventsOfTwoMinutesLandInTwoBucketsWithTheirMeansMaximaCpuAndAllocation() {
        pass(users, reading(100, 1000, 50, 40, 100, 300, 100, 100_000)); // there before: starts from here
        clock.advance(Duration.ofSeconds(10));
        pass(users, reading(103, 1030, 15, 14, 103, 309, 103, 103_000));
        clock.advance(MINUTE);
        pass(users, reading(105, 1050, 12, 11, 104, 313, 105, 107_000));

        Series hour = history.lastHour(users);
        assertThat(hour.size()).isEqualTo(60);
        assertThat(hour.bucketStart(58)).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(hour.bucketStart(59)).isEqualTo(Instant.parse("2026-11-21T10:01:00Z"));
        assertThat(hour.count(58)).isEqualTo(3);
        assertThat(hour.mean(58)).isEqualTo(10);
        assertThat(hour.max(58)).isEqualTo(15);
        assertThat(hour.p99(58)).isEqualTo(14);
        assertThat(hour.cpu(58)).isEqualTo(3);
        assertThat(hour.allocated(58)).isEqualTo(1000);
        assertThat(hour.count(59)).isEqualTo(2);
        assertThat(hour.max(59)).isEqualTo(12);
        assertThat(hour.cpu(59)).as("one CPU sample of 4 ms").isEqualTo(4);
        assertThat(hour.allocated(59)).isEqualTo(2000);
        assertThat(hour.rate(58)).as("3 events in the 10 s between the first two passes").isCloseTo(0.3, within(1e-9));
        assertThat(hour.rate(59)).as("2 events in the 60 s since the pass before").isCloseTo(2 / 60.0, within(1e-9));
        assertThat(hour.rate(57)).isNaN();
        assertThat(hour.known(57)).isFalse();
        assertThat(hour.count(57)).as("before the history began: unknown, not zero").isNaN();
        assertThat(hour.hasP99()).isTrue();
        assertThat(hour.hasCpu()).isTrue();
        assertThat(hour.hasAllocated()).isTrue();
    }

    @Test
    void tenMinuteBucketsAddUpTheirMinutesAndKeepTheHighestMaximum() {
        pass(users, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        for (int minute = 1; minute <= 12; minute++) {
            clock.advance(MINUTE);
            pass(users, reading(minute, minute * 10, minute == 4 ? 99 : 10, Double.NaN, 0, 0, 0, 0));
        }

        Series day = history.lastDay(users);
        assertThat(day.size()).isEqualTo(144);
        assertThat(day.bucketStart(142)).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(day.count(142)).as("10:01 .. 10:09").isEqualTo(9);
        assertThat(day.max(142)).isEqualTo(99);
        assertThat(day.count(143)).as("10:10 .. 10:12 so far").isEqualTo(3);
        assertThat(day.mean(143)).isEqualTo(10);
        assertThat(day.p99(143)).as("a timer without percentiles").isNaN();
        assertThat(day.hasP99()).isFalse();
        assertThat(day.hasCpu()).isFalse();
        assertThat(day.cpu(143)).isNaN();
    }

    @Test
    void anHourLaterTheMinutesAreForgottenWhileTheDayStillHoldsThem() {
        pass(users, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        clock.advance(Duration.ofSeconds(10));
        pass(users, reading(7, 70, 10, Double.NaN, 0, 0, 0, 0));
        clock.advance(Duration.ofMinutes(61));
        pass(users, reading(7, 70, 10, Double.NaN, 0, 0, 0, 0));

        Series hour = history.lastHour(users);
        for (int i = 0; i < hour.size(); i++) {
            assertThat(hour.count(i)).as("minute %d", i).isZero();
            assertThat(hour.mean(i)).isNaN();
        }
        Series day = history.lastDay(users);
        assertThat(day.bucketStart(137)).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(day.count(137)).isEqualTo(7);

        clock.advance(Duration.ofHours(24));
        pass(users, reading(7, 70, 10, Double.NaN, 0, 0, 0, 0));
        Series later = history.lastDay(users);
        assertThat(later.size()).isEqualTo(144);
        for (int i = 0; i < later.size(); i++) {
            assertThat(later.count(i)).isZero();
        }
    }

    @Test
    void theRateOfTheBucketStillFillingCountsTheSecondsSinceThePassBeforeIt() {
        pass(users, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0)); // 10:00:30
        for (int pass = 1; pass <= 7; pass++) {
            clock.advance(Duration.ofSeconds(5)); // 10:00:35 .. 10:01:05
            pass(users, reading(pass * 10, pass * 10, 1, Double.NaN, 0, 0, 0, 0));
        }

        Series hour = history.lastHour(users);
        assertThat(hour.count(58)).isEqualTo(50);
        assertThat(hour.rate(58)).as("50 events from 10:00:30 to 10:00:55").isCloseTo(2, within(1e-9));
        assertThat(hour.count(59)).isEqualTo(20);
        assertThat(hour.rate(59)).as("20 events from 10:00:55 to 10:01:05").isCloseTo(2, within(1e-9));
    }

    @Test
    void aMeterCreatedSinceTheLastPassCountsFromZero() {
        pass(users, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        Meter.Id orders = id("view.duration", "route", "/orders/{id}", "method", "GET", "status", "200");
        clock.advance(Duration.ofSeconds(5));
        Map<Meter.Id, Reading> readings = new HashMap<>();
        readings.put(users, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        readings.put(orders, reading(2, 8, 5, Double.NaN, 2, 4, 0, 0));
        history.update(readings, false);

        assertThat(history.lastHour(orders).count(59)).isEqualTo(2);
        assertThat(history.lastHour(orders).mean(59)).isEqualTo(4);
    }

    @Test
    void aCountThatWentDownIsAMeterThatStartedOver() {
        pass(users, reading(50, 500, 10, Double.NaN, 0, 0, 0, 0));
        clock.advance(Duration.ofSeconds(5));
        pass(users, reading(2, 30, 20, Double.NaN, 0, 0, 0, 0));

        assertThat(history.lastHour(users).count(59)).isEqualTo(2);
        assertThat(history.lastHour(users).mean(59)).isEqualTo(15);
    }

    @Test
    void errorsAreTheServerErrorsOfTheSameRouteAndMethod() {
        Meter.Id failed = id("view.duration", "route", "/users/{id}", "method", "GET", "status", "500",
                "exception", "IllegalStateException");
        Meter.Id unavailable = id("view.duration", "route", "/users/{id}", "method", "GET", "status", "503");
        Meter.Id notFound = id("view.duration", "route", "/users/{id}", "method", "GET", "status", "404");
        Meter.Id otherMethod = id("view.duration", "route", "/users/{id}", "method", "POST", "status", "500");
        Meter.Id otherRoute = id("view.duration", "route", "/orders/{id}", "method", "GET", "status", "500");
        Meter.Id block = id("db.query", "route", "/users/{id}");
        Map<Meter.Id, Reading> readings = new LinkedHashMap<>();
        for (Meter.Id meter : new Meter.Id[] {users, failed, unavailable, notFound, otherMethod, otherRoute, block}) {
            readings.put(meter, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        }
        history.update(readings, false);
        clock.advance(Duration.ofSeconds(5));
        readings.put(users, reading(10, 10, 1, Double.NaN, 0, 0, 0, 0));
        readings.put(failed, reading(2, 2, 1, Double.NaN, 0, 0, 0, 0));
        readings.put(unavailable, reading(3, 3, 1, Double.NaN, 0, 0, 0, 0));
        readings.put(notFound, reading(4, 4, 1, Double.NaN, 0, 0, 0, 0));
        readings.put(otherMethod, reading(5, 5, 1, Double.NaN, 0, 0, 0, 0));
        readings.put(otherRoute, reading(6, 6, 1, Double.NaN, 0, 0, 0, 0));
        readings.put(block, reading(7, 7, 1, Double.NaN, 0, 0, 0, 0));
        history.update(readings, false);

        assertThat(history.lastHour(users).errors(59)).isEqualTo(5);
        assertThat(history.lastHour(failed).errors(59)).as("the same for every row of the endpoint").isEqualTo(5);
        assertThat(history.lastDay(notFound).errors(143)).isEqualTo(5);
        assertThat(history.lastHour(otherMethod).errors(59)).isEqualTo(5);
        assertThat(history.lastHour(otherRoute).errors(59)).isEqualTo(6);
        assertThat(history.lastHour(block).hasErrors()).as("no status tag: errors unknown").isFalse();
        assertThat(history.lastHour(block).errors(59)).isNaN();
    }

    @Test
    void aMeterThatLeftTheRegistryLeavesTheHistory() {
        pass(users, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        String id = history.id(users);
        assertThat(history.size()).isEqualTo(1);

        history.update(Map.of(), false);

        assertThat(history.size()).isZero();
        assertThat(history.id(users)).isNull();
        assertThat(history.meter(id)).isNull();
        assertThat(history.lastHour(users)).isNull();
    }

    @Test
    void rowIdsAreSixteenHexDigitsTheSameInEveryProcess() {
        pass(users, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        History other = new History(new ManualClock(START.plusSeconds(86_400)), MINUTE);
        other.update(Map.of(users, reading(3, 3, 1, 1, 0, 0, 0, 0)), true);

        String id = history.id(users);
        assertThat(id).matches("[0-9a-f]{16}").isEqualTo(other.id(users));
        assertThat(history.meter(id)).isEqualTo(users);
        assertThat(history.meter("0000000000000000")).isNull();
    }

    @Test
    void atMostMaxRowsMetersAreKeptAndALateComerStartsFromWhereItIs() {
        Map<Meter.Id, Reading> readings = new LinkedHashMap<>();
        for (int i = 0; i < History.MAX_ROWS + 5; i++) {
            readings.put(id("view.duration", "route", "/r" + i), reading(i, i, 1, Double.NaN, 0, 0, 0, 0));
        }
        history.update(readings, true);
        assertThat(history.size()).isEqualTo(History.MAX_ROWS);
        Meter.Id late = id("view.duration", "route", "/r" + History.MAX_ROWS);
        assertThat(history.id(late)).isNull();

        readings.remove(id("view.duration", "route", "/r0"));
        clock.advance(Duration.ofSeconds(5));
        history.update(readings, false);
        clock.advance(Duration.ofSeconds(5));
        readings.put(late, reading(History.MAX_ROWS + 1, History.MAX_ROWS + 1, 1, Double.NaN, 0, 0, 0, 0));
        history.update(readings, false);

        assertThat(history.size()).isEqualTo(History.MAX_ROWS);
        assertThat(history.id(late)).isNotNull();
        assertThat(history.lastHour(late).count(59)).as("only the event since it was kept").isEqualTo(1);
    }

    @Test
    void aTimerThatIsNotARequestHasNoErrorsButEverythingElse() {
        Meter.Id block = id("home.feed", "route", "/home");
        pass(block, reading(0, 0, Double.NaN, Double.NaN, 0, 0, 0, 0));
        clock.advance(Duration.ofSeconds(5));
        pass(block, reading(1, 3, 3, Double.NaN, 1, 2, 0, 0));

        Series hour = history.lastHour(block);
        assertThat(hour.count(59)).isEqualTo(1);
        assertThat(hour.cpu(59)).isEqualTo(2);
        assertThat(hour.hasAllocated()).isFalse();
        assertThat(hour.allocated(59)).isNaN();
        assertThat(hour.hasErrors()).isFalse();
    }

    private void pass(Meter.Id meter, Reading reading) {
        history.update(Map.of(meter, reading), false);
    }

    private static Reading reading(double count, double wallTotal, double max, double p99, double cpuCount,
            double cpuTotal, double allocatedCount, double allocatedTotal) {
        return new Reading(count, wallTotal, max, p99, cpuCount, cpuTotal, allocatedCount, allocatedTotal);
    }

    private static Meter.Id id(String name, String... tags) {
        return new Meter.Id(name, Tags.of(tags), null, null, Meter.Type.TIMER);
    }
}
