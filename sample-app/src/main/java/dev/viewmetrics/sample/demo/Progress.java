package dev.viewmetrics.sample.demo;

import java.io.PrintStream;

/** Progress of the demo: a redrawn bar on a terminal, a plain line every 10% otherwise (CI logs). */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final int total;
    private final boolean terminal;
    private int done;
    private int lastDecile = -1;

    Progress(PrintStream out, int total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    synchronized void step() {
        done++;
        if (terminal) {
            int filled = done * WIDTH / total;
            out.print("\r  [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
            if (done == total) {
                out.println();
            }
            out.flush();
        } else {
            int decile = done * 10 / total;
            if (decile != lastDecile && decile > 0) {
                lastDecile = decile;
                out.println("  sent " + done + "/" + total + " requests");
            }
        }
    }
}
