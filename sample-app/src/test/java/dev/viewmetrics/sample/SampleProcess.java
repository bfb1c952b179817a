package dev.viewmetrics.sample;

import dev.viewmetrics.core.testing.ChildJvm;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built {@code sample-app.jar} running as a real process, its output kept in a log file for diagnosis. */
final class SampleProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("sample.jar", "target/sample-app.jar"));

    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SampleProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Runs {@code java -jar sample-app.jar args} with {@code env} and nothing else of this machine's environment. */
    static SampleProcess start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("sample-app", ".log");
        ProcessBuilder builder = ChildJvm.builder(command, env).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        String port = env.getOrDefault("PORT", "0");
        return new SampleProcess(builder.start(), log, URI.create("http://127.0.0.1:" + port + "/"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code GET /} answers 200. */
    SampleProcess awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the sample app exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                if (send("GET", "").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the sample app did not answer within 60 s:\n" + output());
    }

    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the sample app did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** Stops it as an operator would (SIGTERM): the shutdown hook flushes what is queued for StatsD. */
    void stopGracefully() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the sample app did not stop within 30 s");
        }
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(log);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
