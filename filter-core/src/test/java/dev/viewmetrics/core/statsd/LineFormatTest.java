package dev.viewmetrics.core.statsd;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire contract of README.md ("Metric contract"), line by line, for every flavor. */
class LineFormatTest {

    private static final Map<String, String> GLOBAL = new LinkedHashMap<>();

    static {
        GLOBAL.put("service", "shop");
        GLOBAL.put("environment", "prod");
    }

    private static final Meter.Id REQUEST = new Meter.Id("view.duration",
            Tags.of("route", "/users/{id}", "method", "GET", "status", "200", "outcome", "SUCCESS",
                    "exception", "none", "service", "shop", "environment", "prod"),
            null, null, Meter.Type.TIMER);

    private static FlavorLineBuilder builder(StatsdFlavor flavor, String prefix, Meter.Id id) {
        return LineFormat.of(flavor, prefix, "view", GLOBAL).builderFor(id);
    }

    @Test
    void datadogLineKeepsTheContractsTagOrder() {
        assertThat(builder(StatsdFlavor.DATADOG, null, REQUEST).timing(12.5)).isEqualTo(
                "view.duration:12.5|ms|#route:/users/{id},method:GET,status:200,outcome:SUCCESS,exception:none,"
                        + "service:shop,environment:prod");
    }

    @Test
    void etsyFoldsTagsIntoAHierarchicalNameUnderServiceAndEnvironment() {
        assertThat(builder(StatsdFlavor.ETSY, null, REQUEST).timing(12.5))
                .isEqualTo("shop.prod.view.users._id_.GET.200.duration:12.5|ms");
        Meter.Id cpu = REQUEST.withName("view.cpu");
        assertThat(builder(StatsdFlavor.ETSY, null, cpu).timing(3.1))
                .isEqualTo("shop.prod.view.users._id_.GET.200.cpu:3.1|ms");
    }

    @Test
    void etsyNamesOtherMetersByNameThenTagValues() {
        Meter.Id block = new Meter.Id("home.feed", Tags.of("route", "/", "service", "shop"), null, null,
                Meter.Type.TIMER);
        assertThat(builder(StatsdFlavor.ETSY, null, block).timing(4)).isEqualTo("shop.prod.home.feed.root:4|ms");
    }

    @Test
    void explicitPrefixReplacesTheEtsyDefault() {
        assertThat(builder(StatsdFlavor.ETSY, "apps.shop", REQUEST).timing(1))
                .isEqualTo("apps.shop.view.users._id_.GET.200.duration:1|ms");
        assertThat(builder(StatsdFlavor.DATADOG, "apps", REQUEST).timing(1)).startsWith("apps.view.duration:1|ms|#");
    }

    @Test
    void telegrafAndSysdigPutTagsInTheName() {
        assertThat(builder(StatsdFlavor.TELEGRAF, null, REQUEST).timing(2)).isEqualTo(
                "view.duration,route=/users/{id},method=GET,status=200,outcome=SUCCESS,exception=none,service=shop,"
                        + "environment=prod:2|ms");
        assertThat(builder(StatsdFlavor.SYSDIG, null, REQUEST).timing(2)).isEqualTo(
                "view.duration#route=/users/{id},method=GET,status=200,outcome=SUCCESS,exception=none,service=shop,"
                        + "environment=prod:2|ms");
    }

    @Test
    void everyMeterTypeHasItsStatsdType() {
        Meter.Id counter = new Meter.Id("orders", Tags.empty(), null, null, Meter.Type.COUNTER);
        FlavorLineBuilder lines = builder(StatsdFlavor.DATADOG, null, counter);
        assertThat(lines.count(3)).isEqualTo("orders:3|c");
        assertThat(lines.count(-1)).isEqualTo("orders:-1|c");
        assertThat(lines.gauge(0.25)).isEqualTo("orders:0.25|g");
        assertThat(lines.histogram(7)).isEqualTo("orders:7|h");
        assertThat(lines.count(5, Statistic.TOTAL_TIME)).isEqualTo("orders:5|c|#statistic:total");
    }

    @Test
    void hostileTagValuesCannotAddLinesFieldsOrTags() {
        Meter.Id hostile = new Meter.Id("view.duration",
                Tags.of("route", "/a|b:c#d,e\nf=g@h i", "method", "GET"), null, null, Meter.Type.TIMER);
        String datadog = builder(StatsdFlavor.DATADOG, null, hostile).timing(1);
        assertThat(datadog).isEqualTo("view.duration:1|ms|#route:/a_b_c_d_e_f_g_h_i,method:GET");
        String etsy = builder(StatsdFlavor.ETSY, null, hostile).timing(1);
        assertThat(etsy).isEqualTo("shop.prod.view.a_b_c_d_e_f_g_h_i.GET.duration:1|ms");
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "12.5, 12.5",
        "0, 0",
        "3.0, 3",
        "0.0000004, 0",
        "0.000123, 0.000123",
        "1234567.891, 1234567.891",
        "-3.5, -3.5",
        "1e20, 100000000000000000000",
        "NaN, 0",
    })
    void numbersArePlainDecimals(double value, String written) {
        assertThat(WireText.number(value)).isEqualTo(written);
    }

    @Test
    void unknownFlavorIsAClearError() {
        assertThatThrownBy(() -> LineFormat.parseFlavor("graphite"))
                .hasMessageContaining("statsd.flavor").hasMessageContaining("graphite");
        assertThat(LineFormat.parseFlavor("Etsy")).isEqualTo(StatsdFlavor.ETSY);
    }
}
