package dev.viewmetrics.spring.boot;

import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import dev.viewmetrics.spring.boot.testing.CapturedFailureAnalysis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An invalid {@code viewmetrics.*} value stops start-up, and Boot's failure analysis (what Boot prints instead of a
 * stack trace) names the property, its value, where it was set and what is allowed.
 */
class InvalidPropertyTest {

    @BeforeEach
    void forgetEarlierFailures() {
        CapturedFailureAnalysis.clear();
    }

    @Test
    void unknownProtocolFailsWithTheAllowedValues() {
        BootApp.failToStart(ShopApplication.class, Map.of(), "--viewmetrics.statsd.protocol=carrier-pigeon");

        assertThat(CapturedFailureAnalysis.text())
                .contains("viewmetrics.statsd.protocol")
                .contains("carrier-pigeon")
                .contains("The following values are valid:")
                .contains("UDP").contains("TCP").contains("UDS");
    }

    @Test
    void unknownFlavorFailsWithTheAllowedValues() {
        BootApp.failToStart(ShopApplication.class, Map.of(), "--viewmetrics.statsd.flavor=graphite");

        assertThat(CapturedFailureAnalysis.text())
                .contains("viewmetrics.statsd.flavor")
                .contains("DATADOG").contains("ETSY").contains("TELEGRAF").contains("SYSDIG");
    }

    @Test
    void negativeMaxRoutesFailsNamingThePropertyAndTheRange() {
        BootApp.failToStart(ShopApplication.class, Map.of(), "--viewmetrics.max-routes=-3");

        assertThat(CapturedFailureAnalysis.text())
                .contains("Property: viewmetrics.max-routes")
                .contains("Value: \"-3\"")
                .contains("Origin: \"viewmetrics.max-routes\" from property source \"commandLineArgs\"")
                .contains("must be a whole number from 1 to 1000000")
                .contains("Update your application's configuration");
    }

    @Test
    void invalidValueFromAnEnvironmentVariableNamesTheVariable() {
        BootApp.failToStart(ShopApplication.class, Map.of("VIEWMETRICS_CPU_SAMPLE_EVERY", "0"));

        assertThat(CapturedFailureAnalysis.text())
                .contains("Property: viewmetrics.cpu-sample-every")
                .contains("Value: \"0\"")
                .contains("VIEWMETRICS_CPU_SAMPLE_EVERY")
                .contains("must be a whole number from 1 to 1000000");
    }

    @Test
    void malformedRouteTemplateFailsNamingTheTemplate() {
        BootApp.failToStart(ShopApplication.class, Map.of(), "--viewmetrics.routes=/files/{name");

        assertThat(CapturedFailureAnalysis.text())
                .contains("Property: viewmetrics.routes")
                .contains("invalid route template '/files/{name'");
    }

    @Test
    void notANumberFailsWithBootsBindAnalysis() {
        BootApp.failToStart(ShopApplication.class, Map.of(), "--viewmetrics.statsd.port=eighty");

        assertThat(CapturedFailureAnalysis.text())
                .contains("viewmetrics.statsd.port")
                .contains("eighty")
                .contains("java.lang.Integer");
    }
}
