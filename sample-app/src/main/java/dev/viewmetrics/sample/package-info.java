/**
 * The sample app: one embedded Jetty serving the three ways to instrument with viewmetrics — a {@code web.xml}
 * webapp ({@code /plain}), Spring MVC with {@code @EnableViewMetrics} ({@code /spring}) and sprockets-style mixin
 * servlets ({@code /mixin}) — plus a self-driving demo ({@code --demo N}).
 */
package dev.viewmetrics.sample;
