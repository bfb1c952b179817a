package dev.viewmetrics.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Chromium (Debian's {@code chromium}) for browser tests. Absent, a test fails in CI ({@code CI=true}),
 * where {@code .ci/install-chromium} must have installed it, and is skipped elsewhere.
 */
public final class Chromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Path executable;
    private final Path profile;

    private Chromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** The installed browser, with a fresh profile under {@code tmp}. */
    public static Chromium installed(Path tmp) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return new Chromium(candidate, Files.createDirectories(tmp.resolve("chromium-profile")));
                }
            }
        }
        String message = "headless Chromium is not installed (looked for " + NAMES + " on PATH); "
                + "run .ci/install-chromium (apt-get install -y chromium)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(false, message);
        throw new AssertionError(message);
    }

    /** The DOM of {@code url} after its scripts ran, as HTML. */
    public String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--virtual-time-budget=3000", "--dump-dom", url));
    }

    /** A PNG of {@code url} in a window {@code width} × {@code height}. */
    public void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                url));
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(args);
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish in 60 s: " + Files.readString(err));
        }
        if (process.exitValue() != 0) {
            fail("chromium exited with " + process.exitValue() + ": " + Files.readString(err));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
