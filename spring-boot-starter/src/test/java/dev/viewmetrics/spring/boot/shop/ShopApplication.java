package dev.viewmetrics.spring.boot.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot application with no metrics code at all: the starter on the classpath is all it has. */
@SpringBootApplication
public class ShopApplication {
}
