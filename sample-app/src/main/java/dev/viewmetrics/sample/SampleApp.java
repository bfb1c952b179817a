package dev.viewmetrics.sample;

import dev.viewmetrics.sample.demo.Demo;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * {@code java -jar sample-app.jar [--demo N]}: serves the sample until stopped, or with {@code --demo N} sends N
 * requests to itself, prints the table per route and exits (0 when every response was as expected).
 */
public final class SampleApp {

    private SampleApp() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System::getenv, System.out));
    }

    static int run(String[] args, Function<String, String> env, PrintStream out) throws Exception {
        Integer demo = demoRequests(args);
        if (demo == null) {
            out.println("usage: java -jar sample-app.jar [--demo N]");
            return 2;
        }
        SampleConfig config = SampleConfig.from(env);
        if (demo > 0 && env.apply("PORT") == null) {
            config = config.withPort(0); // the demo talks to itself: any free port will do
        }
        SampleMetrics metrics = SampleMetrics.create(config, env);
        SampleServer server = SampleServer.start(config, metrics);
        out.println("viewmetrics sample app on " + server.base() + " (" + config.describeAgent() + ")");
        out.println("stats page " + server.base().resolve("stats") + "; " + metrics.describeFiles());
        if (demo > 0) {
            try {
                return Demo.run(server.base(), demo, metrics.local(), out, System.console() != null) == 0 ? 0 : 1;
            } finally {
                server.close();
                metrics.close();
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                metrics.close();
            }
        }, "sample-shutdown"));
        out.println("started; Ctrl-C stops (and flushes what is queued for StatsD)");
        server.join();
        return 0;
    }

    /** 0 without {@code --demo}, N with {@code --demo N}, {@code null} for anything else. */
    private static Integer demoRequests(String[] args) {
        if (args.length == 0) {
            return 0;
        }
        if (args.length == 2 && args[0].equals("--demo")) {
            try {
                int n = Integer.parseInt(args[1]);
                return n > 0 ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

}
