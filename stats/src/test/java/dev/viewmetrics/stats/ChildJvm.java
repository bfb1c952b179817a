package dev.viewmetrics.stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real second JVMs for tests: the same {@code java} as this one, with a class path of choice. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The class path of this test run (test classes, main classes, Micrometer, …). */
    static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    /** The main classes alone: nothing but the JDK besides them, as {@code java -jar} has. */
    static String mainClassesOnly() {
        return Path.of("target", "classes").toAbsolutePath().toString();
    }

    static List<String> command(String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Starts {@code mainClass}; its output goes to {@code out}, its errors to {@code out}{@code .err}. */
    static Process start(String classpath, String mainClass, Path out, String... args) throws IOException {
        return new ProcessBuilder(command(classpath, mainClass, List.of(args)))
                .redirectOutput(out.toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile())
                .start();
    }

    /** Runs a command to its end (at most 60 s) and returns what it printed. */
    static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** What a finished process printed and returned. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
