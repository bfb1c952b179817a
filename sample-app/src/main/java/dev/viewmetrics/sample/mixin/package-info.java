/** The {@code /mixin} application: sprockets-style handler and application mixins, plus the filter. */
package dev.viewmetrics.sample.mixin;
