package dev.viewmetrics.stats;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of text printed as aligned columns, two spaces apart, no trailing blanks (JDK only). */
final class TextTable {

    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** A table whose column {@code i} is right-aligned when {@code rightAligned[i]}. */
    TextTable(boolean... rightAligned) {
        this.rightAligned = rightAligned.clone();
    }

    void add(String... cells) {
        rows.add(cells.clone());
    }

    void print(PrintStream out, String indent) {
        int[] widths = new int[rightAligned.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            out.println(indent + line(row, widths));
        }
    }

    /** One row padded to {@code widths}. */
    String line(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            boolean last = i == row.length - 1;
            line.append(pad(row[i], i < widths.length ? widths[i] : 0, i < rightAligned.length && rightAligned[i],
                    last));
        }
        return line.toString();
    }

    private static String pad(String cell, int width, boolean right, boolean last) {
        if (cell.length() >= width || (last && !right)) {
            return cell;
        }
        String blanks = " ".repeat(width - cell.length());
        return right ? blanks + cell : cell + blanks;
    }

    /** A number as people read it: whole numbers without decimals, others with three, unknown as {@code -}. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Milliseconds with three decimals, unknown as {@code -}. */
    static String millis(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
