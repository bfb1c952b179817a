package dev.viewmetrics.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Real second JVMs for tests: the same {@code java} as this one, with a class path of choice and an environment
 * the test gives. Nothing of this process's environment reaches them but {@code PATH}, {@code HOME} and
 * {@code LANG}, so a variable set on the machine running the tests ({@code STATSD_HOST}, {@code SERVICE},
 * {@code VIEWMETRICS_*}, …) cannot change what they do.
 */
public final class ChildJvm {

    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG");

    private ChildJvm() {
    }

    /** The class path of this test run (test classes, main classes, their dependencies). */
    public static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    /** The main classes of the module under test alone: nothing but the JDK besides them, as {@code java -jar} has. */
    public static String mainClassesOnly() {
        return Path.of("target", "classes").toAbsolutePath().toString();
    }

    /** {@code java -cp classpath mainClass args…} with this JVM's {@code java}. */
    public static List<String> command(String classpath, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** A process builder for {@code command} whose environment is {@code variables} and nothing else of ours. */
    public static ProcessBuilder builder(List<String> command, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(INHERITED);
        environment.putAll(variables);
        return builder;
    }

    /** Starts {@code mainClass} with no variables; its output goes to {@code out}, its errors to {@code out}.err. */
    public static Process start(String classpath, String mainClass, Path out, String... args) throws IOException {
        return builder(command(classpath, mainClass, List.of(args)), Map.of())
                .redirectOutput(out.toFile())
                .redirectError(out.resolveSibling(out.getFileName() + ".err").toFile())
                .start();
    }

    /** Runs {@code command} with no variables to its end (at most 60 s) and returns what it printed. */
    public static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        return run(workDir, command, Map.of());
    }

    /** Runs {@code command} with {@code variables} to its end (at most 60 s) and returns what it printed. */
    public static Result run(Path workDir, List<String> command, Map<String, String> variables)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = builder(command, variables).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** What a finished process printed and returned. */
    public record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
