package dev.viewmetrics.spring.boot;

import dev.viewmetrics.spring.boot.shop.ShopApplication;
import dev.viewmetrics.spring.boot.testing.BootApp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter and no {@code management.statsd.*} property exports nothing to StatsD: the
 * starter brings no StatsD registry jar, so Boot's actuator has no StatsD export to switch on (towards
 * {@code localhost:8125}). Run by its own surefire execution, on the starter's classpath without
 * {@code micrometer-registry-statsd}, which the other tests have for an application that adds it itself.
 */
class StarterBringsNoStatsdExportTest {

    @Test
    void bootExportsNothingToStatsdWithTheStarterAlone() throws Exception {
        assertThat(present("io.micrometer.statsd.StatsdMeterRegistry"))
                .as("the starter brings Micrometer's StatsD registry").isFalse();
        try (BootApp app = BootApp.start(ShopApplication.class, Map.of())) {
            app.get("/orders/7");

            assertThat(app.context().getBeansOfType(MeterRegistry.class).values())
                    .extracting(registry -> registry.getClass().getName())
                    .isNotEmpty()
                    .noneMatch(name -> name.toLowerCase().contains("statsd"));
            assertThat(app.count("view.duration", "route:/orders/{orderId}")).isEqualTo(1);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, StarterBringsNoStatsdExportTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
