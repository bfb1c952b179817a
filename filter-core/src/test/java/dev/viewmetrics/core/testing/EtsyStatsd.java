package dev.viewmetrics.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real etsy StatsD daemon ({@code statsd} 0.9.0 from the npm registry, which the build installs
 * into {@code target/statsd} from {@code test-support/statsd}) run by {@code node} for a test, on free
 * loopback ports or a Unix-domain socket. It never flushes and has no backends: what it counted is
 * read back through its management port ({@link #counters()}, {@link #timers()}); started with
 * {@link #startFlushing}, it flushes to its console backend, whose output shows the percentiles it
 * computed ({@link #flushes}). It can be
 * killed ({@link #stop()}) and started again on the same address ({@link #startAgain()});
 * {@link #close()} kills it and removes its files.
 */
public final class EtsyStatsd implements AutoCloseable {

    /** Which of statsd's servers receives the lines. */
    public enum Server {
        /** {@code ./servers/udp} on 127.0.0.1. */
        UDP,
        /** {@code ./servers/tcp} on 127.0.0.1. */
        TCP,
        /** {@code ./servers/tcp} on a Unix-domain socket. */
        UDS
    }

    /** Where the build installed statsd; override with {@code -Dviewmetrics.statsd.dir=...}. */
    public static final Path INSTALL_DIR = Path.of(System.getProperty("viewmetrics.statsd.dir", "target/statsd"));

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);
    /** The console backend's first line of each flush; the flushed object follows on the next lines. */
    private static final String FLUSH_MARK = "Flushing stats at";

    private final Server server;
    private final Path dir;
    private final int port;
    private final int mgmtPort;
    private final Path socket;
    private final Duration flushInterval;
    private Process process;

    private EtsyStatsd(Server server, Path dir, int port, int mgmtPort, Duration flushInterval) {
        this.server = server;
        this.dir = dir;
        this.port = port;
        this.mgmtPort = mgmtPort;
        this.socket = server == Server.UDS ? dir.resolve("statsd.sock") : null;
        this.flushInterval = flushInterval;
    }

    /** Starts statsd with the given server on free loopback ports (or a socket in a temp dir) and waits until it answers. */
    public static EtsyStatsd start(Server server) throws IOException {
        return start(server, null);
    }

    /**
     * Starts statsd as {@link #start} does, flushing every {@code interval} to its console backend (into
     * {@link #log()}), as a statsd with a real backend would: {@link #flushes} reads what it computed.
     */
    public static EtsyStatsd startFlushing(Server server, Duration interval) throws IOException {
        return start(server, interval);
    }

    private static EtsyStatsd start(Server server, Duration flushInterval) throws IOException {
        Path stats = INSTALL_DIR.resolve("node_modules/statsd/stats.js");
        if (!Files.isRegularFile(stats)) {
            throw new IllegalStateException("etsy statsd is not installed at " + stats.toAbsolutePath()
                    + ": the build installs it in process-test-resources (mvn -pl filter-core verify)");
        }
        int[] ports = freePorts(server);
        EtsyStatsd statsd = new EtsyStatsd(server, Files.createTempDirectory("etsy-statsd"), ports[0], ports[1],
                flushInterval);
        try {
            statsd.launch();
        } catch (IOException | RuntimeException e) {
            statsd.close();
            throw e;
        }
        return statsd;
    }

    /** Starts a new statsd process on the same ports (or socket) after {@link #stop()}; it counts from zero. */
    public EtsyStatsd startAgain() throws IOException {
        stop();
        launch();
        return this;
    }

    public Server server() {
        return server;
    }

    /** @return the UDP or TCP port that receives lines */
    public int port() {
        return port;
    }

    /** @return the Unix-domain socket that receives lines, for {@link Server#UDS} */
    public Path socket() {
        return socket;
    }

    public int mgmtPort() {
        return mgmtPort;
    }

    /** @return every counter statsd holds, including its own {@code statsd.*} ones */
    public Map<String, Double> counters() {
        Map<String, Double> counters = new LinkedHashMap<>();
        InspectParser.parseObject(query("counters")).forEach((key, value) -> counters.put(key, (Double) value));
        return counters;
    }

    /** @return every timer's recorded values, in the order received */
    public Map<String, List<Double>> timers() {
        Map<String, List<Double>> timers = new LinkedHashMap<>();
        InspectParser.parseObject(query("timers")).forEach((key, value) -> {
            List<Double> values = new ArrayList<>();
            for (Object item : (List<?>) value) {
                values.add((Double) item);
            }
            timers.put(key, values);
        });
        return timers;
    }

    /** @return the counter's value, 0 when statsd has not seen it */
    public double counter(String name) {
        return counters().getOrDefault(name, 0.0);
    }

    /** @return the timer's values, empty when statsd has not seen it */
    public List<Double> timer(String name) {
        return timers().getOrDefault(name, List.of());
    }

    /**
     * Every flush so far, as statsd handed it to its backends: {@code counters}, {@code timers} (the raw values),
     * {@code timer_data} (per timer {@code count}, {@code mean}, {@code median}, {@code upper_90}, ...), ...; empty
     * when statsd was not started with {@link #startFlushing}.
     */
    public List<Map<String, Object>> flushes() {
        String text = log();
        List<Map<String, Object>> flushes = new ArrayList<>();
        for (int at = text.indexOf(FLUSH_MARK); at >= 0; at = text.indexOf(FLUSH_MARK, at + 1)) {
            int start = text.indexOf("\n{\n", at);
            int end = start < 0 ? -1 : text.indexOf("\n}\n", start);
            if (end < 0) {
                break; // a flush still being written
            }
            flushes.add(InspectParser.parseObject(text.substring(start + 1, end + 2)));
        }
        return flushes;
    }

    /** Kills the statsd process (SIGTERM, then SIGKILL) and waits until it is gone. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills statsd and deletes its config, log and socket. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return what statsd printed so far */
    public String log() {
        try {
            Path log = dir.resolve("statsd.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void launch() throws IOException {
        Path config = dir.resolve("config.js");
        Files.writeString(config, config());
        Path stats = INSTALL_DIR.resolve("node_modules/statsd/stats.js").toAbsolutePath();
        process = new ProcessBuilder("node", stats.toString(), config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("statsd.log").toFile()))
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("statsd exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (query("health").startsWith("health: up")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - deadline > 0) {
                stop();
                throw new IllegalStateException("statsd did not answer on port " + mgmtPort + " within " + START_TIMEOUT
                        + ":\n" + log());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting statsd", e);
            }
        }
    }

    /**
     * The config file. statsd evaluates it as a JavaScript expression; this one also lifts Node's
     * limit of 100 array items shown by {@code util.inspect}, so that {@code timers} lists every value.
     */
    private String config() {
        String listen = switch (server) {
            case UDP -> "server: './servers/udp', address: '127.0.0.1', port: " + port;
            case TCP -> "server: './servers/tcp', address: '127.0.0.1', port: " + port;
            case UDS -> "server: './servers/tcp', socket: '" + socket.toAbsolutePath() + "'";
        };
        return """
                (function () {
                  require('util').inspect.defaultOptions.maxArrayLength = null;
                  return {
                    %s,
                    mgmt_address: '127.0.0.1',
                    mgmt_port: %d,
                    flushInterval: %d,
                    backends: [%s],
                    deleteIdleStats: false,
                    automaticConfigReload: false
                  };
                })()
                """.formatted(listen, mgmtPort, flushInterval == null ? 3_600_000 : flushInterval.toMillis(),
                flushInterval == null ? "" : "'./backends/console'");
    }

    /** Sends one management command and returns the reply without its {@code END} line. */
    private String query(String command) {
        try (Socket mgmt = new Socket()) {
            mgmt.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), mgmtPort), (int) QUERY_TIMEOUT.toMillis());
            mgmt.setSoTimeout((int) QUERY_TIMEOUT.toMillis());
            OutputStream out = mgmt.getOutputStream();
            out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = mgmt.getInputStream();
            StringBuilder reply = new StringBuilder();
            byte[] buffer = new byte[64 * 1024];
            String end = command.equals("health") ? "\n" : "\nEND\n\n";
            while (reply.length() < end.length() || !reply.substring(reply.length() - end.length()).equals(end)) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new IOException("statsd closed the management connection after: " + reply);
                }
                reply.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            String text = reply.toString();
            return command.equals("health") ? text : text.substring(0, text.length() - "END\n\n".length()).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("statsd management command '" + command + "' failed", e);
        }
    }

    /** Two distinct free loopback ports: the data port (UDP or TCP as the server needs) and the management port. */
    private static int[] freePorts(Server server) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket mgmt = new ServerSocket(0, 1, loopback)) {
            if (server == Server.UDP) {
                try (DatagramSocket data = new DatagramSocket(0, loopback)) {
                    return new int[] {data.getLocalPort(), mgmt.getLocalPort()};
                }
            }
            try (ServerSocket data = new ServerSocket(0, 1, loopback)) {
                return new int[] {server == Server.UDS ? 0 : data.getLocalPort(), mgmt.getLocalPort()};
            }
        }
    }

    /**
     * Reads what Node's {@code util.inspect} prints for plain objects of numbers and arrays: keys bare
     * or quoted, numbers (also {@code NaN}, {@code Infinity}), arrays, nested objects, strings.
     */
    public static final class InspectParser {
        private final String text;
        private int at;

        private InspectParser(String text) {
            this.text = text;
        }

        /** Parses one object; throws on anything else, or on a truncated array. */
        public static Map<String, Object> parseObject(String text) {
            InspectParser parser = new InspectParser(text);
            parser.skipSpace();
            Map<String, Object> object = parser.object();
            parser.skipSpace();
            if (parser.at != text.length()) {
                throw parser.error("trailing text");
            }
            return object;
        }

        private Object value() {
            skipSpace();
            char c = peek();
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '\'' || c == '"' || c == '`') {
                return string();
            }
            String word = word();
            return switch (word) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "null", "undefined" -> null;
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> number(word);
            };
        }

        private Map<String, Object> object() {
            expect('{');
            Map<String, Object> object = new LinkedHashMap<>();
            skipSpace();
            while (peek() != '}') {
                String key = peek() == '\'' || peek() == '"' || peek() == '`' ? string() : word();
                skipSpace();
                expect(':');
                object.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                    skipSpace();
                }
            }
            expect('}');
            return object;
        }

        private List<Object> array() {
            expect('[');
            List<Object> items = new ArrayList<>();
            skipSpace();
            while (peek() != ']') {
                if (text.startsWith("...", at)) {
                    throw error("util.inspect truncated an array");
                }
                items.add(value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                    skipSpace();
                }
            }
            expect(']');
            return items;
        }

        private String string() {
            char quote = text.charAt(at++);
            StringBuilder value = new StringBuilder();
            while (peek() != quote) {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case 'b' -> value.append('\b');
                        case 'x' -> {
                            value.append((char) Integer.parseInt(text.substring(at, at + 2), 16));
                            at += 2;
                        }
                        case 'u' -> {
                            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> value.append(escaped);
                    }
                } else {
                    value.append(c);
                }
            }
            at++;
            return value.toString();
        }

        private String word() {
            int start = at;
            while (at < text.length() && " \n\r\t,:{}[]".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            if (start == at) {
                throw error("expected a value");
            }
            return text.substring(start, at);
        }

        private Double number(String word) {
            try {
                return Double.valueOf(word.replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("not a number: " + word);
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private char peek() {
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(at);
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalStateException error(String what) {
            return new IllegalStateException(what + " at " + at + " in statsd's reply: " + text);
        }
    }
}
