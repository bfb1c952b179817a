package dev.viewmetrics.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code d} attribute of an SVG line through one value per bucket, left to right: a gap where a value is not
 * known ({@code NaN}), a dot (a zero-length segment with round caps) for a value alone between gaps.
 */
final class SvgPath {

    private SvgPath() {
    }

    /**
     * The line through {@code values}, bucket {@code i} at {@code x0 + (i + 0.5) * width / n}, value {@code v} at
     * {@code bottom - v / top * height} (so {@code 0} on the bottom edge and {@code top} on the upper one).
     */
    static String of(double[] values, double x0, double width, double bottom, double height, double top) {
        StringBuilder d = new StringBuilder();
        int n = values.length;
        for (int i = 0; i < n; i++) {
            if (!known(values, i)) {
                continue;
            }
            double[] point = point(values, i, x0, width, bottom, height, top);
            d.append(known(values, i - 1) ? 'L' : 'M').append(coordinate(point[0])).append(' ')
                    .append(coordinate(point[1]));
            if (!known(values, i - 1) && !known(values, i + 1)) {
                d.append("h0");
            }
        }
        return d.toString();
    }

    /** The points of {@link #of} that stand alone between gaps, as {x, y}: too small to see without a mark. */
    static List<double[]> alone(double[] values, double x0, double width, double bottom, double height, double top) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (known(values, i) && !known(values, i - 1) && !known(values, i + 1)) {
                points.add(point(values, i, x0, width, bottom, height, top));
            }
        }
        return points;
    }

    private static double[] point(double[] values, int i, double x0, double width, double bottom, double height,
            double top) {
        return new double[] {x0 + (i + 0.5) * width / values.length,
            bottom - Math.min(values[i], top) / top * height};
    }

    private static boolean known(double[] values, int i) {
        return i >= 0 && i < values.length && !Double.isNaN(values[i]) && !Double.isInfinite(values[i]);
    }

    /** The lowest of 1, 2, 2.5, 5 times a power of ten that is at least {@code max}; 1 when nothing is above 0. */
    static double niceTop(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= max * (1 - 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** The highest finite value of {@code values}, or 0. */
    static double max(double[] values) {
        double max = 0;
        for (double value : values) {
            if (value > max && !Double.isInfinite(value)) {
                max = value;
            }
        }
        return max;
    }

    static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
