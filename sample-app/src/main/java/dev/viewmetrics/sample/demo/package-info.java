/** {@code --demo N}: drives the running sample with N requests and prints a table per route from the registry. */
package dev.viewmetrics.sample.demo;
