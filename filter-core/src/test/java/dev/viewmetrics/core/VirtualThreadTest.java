package dev.viewmetrics.core;

import dev.viewmetrics.core.testing.TestServer;
import dev.viewmetrics.core.testing.UdpReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
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
        try (UdpReceiver agent = new UdpReceiver();
                ViewMetrics metrics = ViewMetrics.builder().statsdHost("127.0.0.1").statsdPort(agent.port())
                        .routes("/items/{id}").environmentVariables(key -> null).build();
                TestServer server = TestServer.builder("").filter(metrics.filter()).executor(virtualThreads)
                        .servlet("/*", new HttpServlet() {
                            @Override
                            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                                resp.getWriter().write("virtual=" + isVirtual(Thread.currentThread()));
                            }
                        }).start()) {
            assertThat(server.get("/items/1").body()).isEqualTo("virtual=true");
            assertThat(server.get("/items/2").body()).isEqualTo("virtual=true");

            List<String> lines = server.linesBeforeEndMarker(agent);
            assertThat(lines).filteredOn(line -> line.startsWith("view.duration:"))
                    .hasSize(2).allMatch(line -> line.contains("|#route:/items/{id},method:GET,status:200,"));
            assertThat(lines).noneMatch(line -> line.startsWith("view.cpu:"));
            // the allocation counter reads -1 on virtual threads too (JDK 21 to 25): no sample rather than 0 bytes
            assertThat(lines).noneMatch(line -> line.startsWith("view.allocated:"));
            assertThat(metrics.registry().get("view.cpu").tag("route", "/items/{id}").timer().count()).isZero();
            assertThat(metrics.registry().get("view.allocated").tag("route", "/items/{id}").summary().count())
                    .isZero();
        } finally {
            virtualThreads.shutdown();
        }
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
