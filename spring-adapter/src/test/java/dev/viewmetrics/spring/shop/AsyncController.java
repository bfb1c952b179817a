package dev.viewmetrics.spring.shop;

import dev.viewmetrics.spring.testing.Cpu;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.WebAsyncTask;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/** One endpoint per kind of Spring MVC async handling; each finishes {@link #DELAY_MILLIS} later on another thread. */
@RestController
@RequestMapping("/async")
public class AsyncController {

    /** How long after the handler returns each response completes. */
    public static final long DELAY_MILLIS = 150;

    private static final Executor LATER = CompletableFuture.delayedExecutor(DELAY_MILLIS, TimeUnit.MILLISECONDS);

    @GetMapping("/callable/{jobId}")
    public Callable<String> callable(@PathVariable String jobId) {
        return () -> {
            Cpu.idle(DELAY_MILLIS);
            return "callable " + jobId;
        };
    }

    @GetMapping("/deferred/{jobId}")
    public DeferredResult<String> deferred(@PathVariable String jobId) {
        DeferredResult<String> result = new DeferredResult<>();
        LATER.execute(() -> result.setResult("deferred " + jobId));
        return result;
    }

    @GetMapping("/task/{jobId}")
    public WebAsyncTask<String> task(@PathVariable String jobId) {
        return new WebAsyncTask<>(5_000, () -> {
            Cpu.idle(DELAY_MILLIS);
            return "task " + jobId;
        });
    }

    @GetMapping("/future/{jobId}")
    public CompletableFuture<ResponseEntity<String>> future(@PathVariable String jobId) {
        return CompletableFuture.supplyAsync(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body("future " + jobId),
                LATER);
    }

    @GetMapping("/events/{jobId}")
    public SseEmitter events(@PathVariable String jobId) {
        SseEmitter emitter = new SseEmitter(5_000L);
        LATER.execute(() -> {
            try {
                emitter.send(SseEmitter.event().name("progress").data(jobId));
                emitter.send(SseEmitter.event().name("done").data(jobId));
                emitter.complete();
            } catch (IOException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @GetMapping("/stream/{jobId}")
    public ResponseBodyEmitter stream(@PathVariable String jobId) {
        ResponseBodyEmitter emitter = new ResponseBodyEmitter(5_000L);
        LATER.execute(() -> {
            try {
                emitter.send("part 1 of " + jobId + "\n");
                emitter.send("part 2 of " + jobId + "\n");
                emitter.complete();
            } catch (IOException e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @GetMapping("/failing/{jobId}")
    public Callable<String> failing(@PathVariable String jobId) {
        return () -> {
            Cpu.idle(DELAY_MILLIS);
            throw new BackendTimeoutException();
        };
    }

    /** Burns {@code cpu} ms on the request thread, then {@code workerCpu} ms in a {@code Callable} on a worker. */
    @GetMapping("/work/{jobId}")
    public Callable<String> work(@PathVariable String jobId, @RequestParam long cpu, @RequestParam long workerCpu) {
        Cpu.burn(cpu);
        return () -> {
            Cpu.burn(workerCpu);
            return "worked " + jobId;
        };
    }

    @ExceptionHandler
    ResponseEntity<String> backendTimedOut(BackendTimeoutException e) {
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body("backend timed out");
    }

    /** Thrown by an async computation, handled by an {@code @ExceptionHandler}. */
    public static class BackendTimeoutException extends RuntimeException {
    }
}
