package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On virtual threads (Java 21+) the CPU clock and the allocation counter read -1: wall time is recorded, no CPU or
 * allocation sample is made up.
 */
class VirtualThreadTest {

    @Test
    void requestsOnVirtualThreadsRecordWallTimeAndNoWrongCpuTime() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+");
        ExecutorService virtualThreads = (ExecutorService) Executors.class
                .getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewMetrics metrics = ViewMetrics.builder().registry(registry).routes("/items/{id}")
                .environmentVariables(key -> null).build();
        try (TestServer server = TestServer.builder("").filter(metrics.filter()).executor(virtualThreads)
                .servlet("/*", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        resp.getWriter().write(Boolean.toString(isVirtual(Thread.currentThread())));
                    }
                }).start()) {
            assertThat(server.get("/items/1").body()).isEqualTo("true");
            server.get("/items/2");
        } finally {
            virtualThreads.shutdown();
        }

        assertThat(registry.get("view.duration").tag("route", "/items/{id}").timer().count()).isEqualTo(2);
        assertThat(registry.find("view.cpu").timers()).allSatisfy(cpu -> assertThat(cpu.count()).isZero());
        // the allocation counter reads -1 on virtual threads too (JDK 21 to 25): no sample rather than 0 bytes
        assertThat(registry.get("view.allocated").tag("route", "/items/{id}").summary().count()).isZero();
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
