package dev.viewmetrics.spring.bootapp;

import dev.viewmetrics.spring.EnableViewMetrics;
import dev.viewmetrics.spring.testing.EndMarkerController;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** A minimal Spring Boot application: the annotation is all it adds for metrics (and the tests' end marker). */
@SpringBootApplication
@Import(EndMarkerController.class)
@EnableViewMetrics
public class BootShopApplication {
}
