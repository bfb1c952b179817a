package dev.viewmetrics.core.testing;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Small servlets for tests. */
public final class Servlets {

    private static final int ALLOCATION_CHUNK = 64 * 1024;

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

    /**
     * {@code .../{kib}}: allocates that many KiB on the heap ({@link #allocate}) and keeps them reachable until the
     * response, which says how many bytes it kept, is written.
     */
    public static HttpServlet allocating() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                String uri = req.getRequestURI();
                Object kept = allocate(Integer.parseInt(uri.substring(uri.lastIndexOf('/') + 1)));
                resp.getWriter().write("allocated " + size(kept));
                resp.flushBuffer();
            }
        };
    }

    /** {@code kib} KiB in arrays of at most 64 KiB, returned so that the caller keeps them reachable. */
    public static Object allocate(int kib) {
        int chunk = Math.min(ALLOCATION_CHUNK, kib * 1024);
        byte[][] chunks = new byte[Math.max(1, kib * 1024 / Math.max(1, chunk))][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new byte[chunk];
            if (chunk > 0) {
                chunks[i][i % chunk] = (byte) i;
            }
        }
        return chunks;
    }

    /** The bytes {@link #allocate} kept. */
    public static long size(Object kept) {
        long size = 0;
        for (byte[] chunk : (byte[][]) kept) {
            size += chunk.length;
        }
        return size;
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
