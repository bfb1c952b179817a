/** The {@code /plain} webapp: plain servlets, instrumented by the filter its {@code WEB-INF/web.xml} declares. */
package dev.viewmetrics.sample.plain;
