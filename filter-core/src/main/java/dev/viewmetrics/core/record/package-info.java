/** Recording: meter cache per route, CPU clock, tag values for method, status, outcome and exception. */
package dev.viewmetrics.core.record;
