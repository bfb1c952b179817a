package dev.viewmetrics.spring.bootapp;

import dev.viewmetrics.spring.EnableViewMetrics;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal Spring Boot application: the annotation is all it adds for metrics. */
@SpringBootApplication
@EnableViewMetrics
public class BootShopApplication {
}
