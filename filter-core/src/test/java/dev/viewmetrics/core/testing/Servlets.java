package dev.viewmetrics.core.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Small servlets for tests. */
public final class Servlets {

    private Servlets() {
    }

    /** Answers every method with {@code status} and a short body. */
    public static HttpServlet status(int status) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setStatus(status);
                resp.getWriter().write("ok " + req.getRequestURI());
            }
        };
    }

    /** Burns {@code millis} of CPU time on the current thread (by its CPU clock, so a busy machine cannot cheat). */
    public static void burnCpu(long millis) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long wallEnd = System.nanoTime() + millis * 1_000_000L;
        long x = 0;
        while (start >= 0 ? threads.getCurrentThreadCpuTime() - start < millis * 1_000_000L : System.nanoTime() < wallEnd) {
            for (int i = 0; i < 1000; i++) {
                x += Long.numberOfTrailingZeros(x + i);
            }
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
