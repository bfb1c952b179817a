package dev.viewmetrics.sample.spring;

import dev.viewmetrics.sample.CpuBurner;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import java.io.IOException;
import java.lang.ref.Reference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Endpoints that show what wall time, CPU time and allocated bytes tell apart: {@code /cpu?ms=N} works,
 * {@code /slow?ms=N} waits, {@code /alloc?kb=N} allocates N KiB, {@code /fail} throws (turned into a 500 by the
 * handler below), {@code /async/{id}} completes later.
 */
@RestController
public class LoadController {

    private static final long MAX_MILLIS = 10_000;
    private static final long MAX_KIB = 256 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final ScheduledExecutorService completer;

    public LoadController(ScheduledExecutorService completer) {
        this.completer = completer;
    }

    @GetMapping("/cpu")
    public String cpu(@RequestParam(name = "ms", defaultValue = "10") long millis) {
        long ms = clamp(millis);
        CpuBurner.burn(ms);
        return "burned " + ms + " ms of CPU\n";
    }

    @GetMapping("/slow")
    public String slow(@RequestParam(name = "ms", defaultValue = "10") long millis) throws InterruptedException {
        long ms = clamp(millis);
        Thread.sleep(ms);
        return "slept " + ms + " ms\n";
    }

    /**
     * Allocates about {@code kb} KiB on the heap (at most 256 MiB) and keeps it reachable until the response is
     * written, so that the JIT cannot leave the allocation out.
     */
    @GetMapping("/alloc")
    public void alloc(@RequestParam(name = "kb", defaultValue = "64") long kb, HttpServletResponse response)
            throws IOException {
        long kib = Math.max(0, Math.min(MAX_KIB, kb));
        byte[][] kept = allocate(kib * 1024);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("allocated " + kib + " KiB in " + kept.length + " arrays\n");
        response.flushBuffer();
        Reference.reachabilityFence(kept);
    }

    @GetMapping("/fail")
    public String fail() {
        throw new IllegalStateException("the sample fails on purpose");
    }

    @GetMapping("/async/{id}")
    public DeferredResult<String> async(@PathVariable("id") String id) {
        DeferredResult<String> result = new DeferredResult<>(5_000L);
        completer.schedule(() -> result.setResult("async " + id + "\n"), 50, TimeUnit.MILLISECONDS);
        return result;
    }

    @ExceptionHandler(IllegalStateException.class)
    public ResponseEntity<String> failed(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("failed: " + e.getMessage() + "\n");
    }

    private static byte[][] allocate(long bytes) {
        byte[][] chunks = new byte[(int) ((bytes + CHUNK - 1) / CHUNK)][];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new byte[(int) Math.min(CHUNK, bytes - (long) i * CHUNK)];
        }
        return chunks;
    }

    private static long clamp(long millis) {
        return Math.max(0, Math.min(MAX_MILLIS, millis));
    }
}
