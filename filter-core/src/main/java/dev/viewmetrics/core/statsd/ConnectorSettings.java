package dev.viewmetrics.core.statsd;

import dev.viewmetrics.core.config.Settings;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where and how a {@link StatsdConnector} sends its lines: agent address, transport, queue bound,
 * packet size, reconnect back-off and close timeout. Immutable; build one with {@link #from},
 * {@link #builder} or the {@code withX} methods.
 *
 * @param host           agent host name or address; for {@link Protocol#UDS} the socket path
 * @param port           agent port (ignored for {@link Protocol#UDS})
 * @param protocol       transport to the agent
 * @param queueSize      lines that may wait for the sender, in a ring of 128 bytes per line (and a quarter more
 *                       for headers) allocated up front; more are dropped ({@code queue_full})
 * @param maxPacketSize  largest UDP datagram in bytes; a longer single line is sent alone
 * @param reconnectMin   first delay after a failed connection attempt
 * @param reconnectMax   longest delay between connection attempts (the back-off doubles up to it)
 * @param reconnectEvery reopen the connection after this long so that connections rebalance
 *                       behind a load balancer; {@code null} or zero turns it off
 * @param closeTimeout   how long {@link StatsdConnector#close()} may spend flushing queued lines
 */
public record ConnectorSettings(String host, int port, Protocol protocol, int queueSize, int maxPacketSize,
                                Duration reconnectMin, Duration reconnectMax, Duration reconnectEvery,
                                Duration closeTimeout) {

    /** Default agent port. */
    public static final int DEFAULT_PORT = 8125;
    /** Default queue capacity in lines. */
    public static final int DEFAULT_QUEUE_SIZE = 10_000;
    /** Default UDP payload limit: fits an Ethernet MTU of 1500 with IP and UDP headers. */
    public static final int DEFAULT_MAX_PACKET_SIZE = 1432;
    /** Default first reconnect delay. */
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofMillis(100);
    /** Default longest reconnect delay. */
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(10);
    /** Default close timeout. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final int MAX_DATAGRAM = 65_507;
    /** The queue's ring is allocated up front, so its size is capped. */
    private static final int MAX_QUEUE_SIZE = 10_000_000;

    /** The transport used to reach the agent. */
    public enum Protocol {
        /** Datagrams, newline-separated lines packed up to {@code maxPacketSize}. */
        UDP,
        /** A TCP stream of newline-terminated lines. */
        TCP,
        /** A Unix-domain stream socket at the path given as host; same wire format as TCP. */
        UDS
    }

    /**
     * Validates the components; a zero {@code reconnectEvery} becomes {@code null} (off).
     *
     * @param host           agent host name or address; for {@link Protocol#UDS} the socket path
     * @param port           agent port, 1 to 65535
     * @param protocol       transport to the agent
     * @param queueSize      queue capacity in lines, 1 to 10 000 000 (160 bytes per line, allocated up front)
     * @param maxPacketSize  UDP payload limit in bytes, 16 to 65507
     * @param reconnectMin   first back-off delay, positive
     * @param reconnectMax   longest back-off delay, not below {@code reconnectMin}
     * @param reconnectEvery rotation interval, {@code null} or zero for none
     * @param closeTimeout   longest flush on close, not negative
     * @throws IllegalArgumentException naming the offending setting
     */
    public ConnectorSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("statsd.host is required (the agent's host name, or the socket path for uds)");
        }
        Objects.requireNonNull(protocol, "protocol");
        requireRange("statsd.port", port, 1, 65_535);
        requireRange("statsd.queue-size", queueSize, 1, MAX_QUEUE_SIZE);
        requireRange("statsd.max-packet-size", maxPacketSize, 16, MAX_DATAGRAM);
        requirePositive("statsd.reconnect-min", reconnectMin);
        requirePositive("statsd.reconnect-max", reconnectMax);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("statsd.reconnect-max (" + reconnectMax
                    + ") must not be shorter than statsd.reconnect-min (" + reconnectMin + ")");
        }
        if (reconnectEvery != null && reconnectEvery.isNegative()) {
            throw new IllegalArgumentException("statsd.reconnect-every must not be negative, was " + reconnectEvery);
        }
        if (reconnectEvery != null && reconnectEvery.isZero()) {
            reconnectEvery = null;
        }
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("statsd.close-timeout must not be negative, was " + closeTimeout);
        }
    }

    /**
     * Reads settings from string values by key ({@code statsd.host}, {@code statsd.port},
     * {@code statsd.protocol}, {@code statsd.queue-size}, {@code statsd.max-packet-size},
     * {@code statsd.reconnect-min}, {@code statsd.reconnect-max}, {@code statsd.reconnect-every},
     * {@code statsd.close-timeout}); absent or blank keys take the defaults. Durations accept {@code 250ms},
     * {@code 10s}, {@code 2m}, {@code 1h}, ISO-8601 ({@code PT10S}) or a whole number of milliseconds.
     *
     * @param lookup returns the raw value of a key, or {@code null} when it is absent
     * @return the settings
     * @throws IllegalArgumentException when {@code statsd.host} is missing or a value is invalid; the
     *                                  message names the key, the bad value and what is accepted
     */
    public static ConnectorSettings from(Function<String, String> lookup) {
        return from(Settings.of(lookup, key -> null));
    }

    /**
     * Reads settings from viewmetrics' configuration (explicit values, then environment variables such as
     * {@code STATSD_QUEUE_SIZE}); the keys and rules are those of {@link #from(Function)}.
     *
     * @param settings the configuration
     * @return the settings
     * @throws IllegalArgumentException when {@code statsd.host} is missing or a value is invalid
     */
    public static ConnectorSettings from(Settings settings) {
        String host = settings.get("statsd.host");
        if (host == null) {
            throw new IllegalArgumentException(
                    "viewmetrics: setting 'statsd.host' is required (the agent's host name, or the socket path for uds)");
        }
        return new ConnectorSettings(
                host,
                settings.getInt("statsd.port", DEFAULT_PORT, 1, 65_535),
                protocol(settings),
                settings.getInt("statsd.queue-size", DEFAULT_QUEUE_SIZE, 1, MAX_QUEUE_SIZE),
                settings.getInt("statsd.max-packet-size", DEFAULT_MAX_PACKET_SIZE, 16, MAX_DATAGRAM),
                positiveDuration(settings, "statsd.reconnect-min", DEFAULT_RECONNECT_MIN),
                positiveDuration(settings, "statsd.reconnect-max", DEFAULT_RECONNECT_MAX),
                settings.getDuration("statsd.reconnect-every", null),
                settings.getDuration("statsd.close-timeout", DEFAULT_CLOSE_TIMEOUT));
    }

    /**
     * Starts a builder with every default set.
     *
     * @param host agent host name, or the socket path for {@link Protocol#UDS}
     * @return a builder
     */
    public static Builder builder(String host) {
        return new Builder(host);
    }

    /**
     * Copies these settings into a builder.
     *
     * @return a builder holding these values
     */
    public Builder toBuilder() {
        return new Builder(host).port(port).protocol(protocol).queueSize(queueSize).maxPacketSize(maxPacketSize)
                .reconnectMin(reconnectMin).reconnectMax(reconnectMax).reconnectEvery(reconnectEvery)
                .closeTimeout(closeTimeout);
    }

    /**
     * Returns a copy with another host.
     *
     * @param value the new host
     * @return a copy with that host
     */
    public ConnectorSettings withHost(String value) {
        return toBuilder().host(value).build();
    }

    /**
     * Returns a copy with another port.
     *
     * @param value the new port
     * @return a copy with that port
     */
    public ConnectorSettings withPort(int value) {
        return toBuilder().port(value).build();
    }

    /**
     * Returns a copy with another protocol.
     *
     * @param value the new protocol
     * @return a copy with that protocol
     */
    public ConnectorSettings withProtocol(Protocol value) {
        return toBuilder().protocol(value).build();
    }

    /**
     * Returns a copy with another queue size.
     *
     * @param value the new queue size
     * @return a copy with that queue size
     */
    public ConnectorSettings withQueueSize(int value) {
        return toBuilder().queueSize(value).build();
    }

    /**
     * Returns a copy with another packet limit.
     *
     * @param value the new packet limit
     * @return a copy with that packet limit
     */
    public ConnectorSettings withMaxPacketSize(int value) {
        return toBuilder().maxPacketSize(value).build();
    }

    /**
     * Returns a copy with another reconnect back-off.
     *
     * @param min the first back-off delay
     * @param max the longest back-off delay
     * @return a copy with that back-off
     */
    public ConnectorSettings withReconnect(Duration min, Duration max) {
        return toBuilder().reconnectMin(min).reconnectMax(max).build();
    }

    /**
     * Returns a copy with another rotation interval.
     *
     * @param value the rotation interval, {@code null} or zero for none
     * @return a copy with that interval
     */
    public ConnectorSettings withReconnectEvery(Duration value) {
        return toBuilder().reconnectEvery(value).build();
    }

    /**
     * Returns a copy with another close timeout.
     *
     * @param value the new close timeout
     * @return a copy with that close timeout
     */
    public ConnectorSettings withCloseTimeout(Duration value) {
        return toBuilder().closeTimeout(value).build();
    }

    /** Fluent builder of {@link ConnectorSettings}, starting from the defaults. */
    public static final class Builder {
        private String host;
        private int port = DEFAULT_PORT;
        private Protocol protocol = Protocol.UDP;
        private int queueSize = DEFAULT_QUEUE_SIZE;
        private int maxPacketSize = DEFAULT_MAX_PACKET_SIZE;
        private Duration reconnectMin = DEFAULT_RECONNECT_MIN;
        private Duration reconnectMax = DEFAULT_RECONNECT_MAX;
        private Duration reconnectEvery;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;

        private Builder(String host) {
            this.host = host;
        }

        /**
         * Sets the agent host, or socket path for UDS.
         *
         * @param value agent host, or socket path for UDS
         * @return this builder
         */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /**
         * Sets the agent port.
         *
         * @param value agent port
         * @return this builder
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * Sets the transport.
         *
         * @param value transport
         * @return this builder
         */
        public Builder protocol(Protocol value) {
            this.protocol = value;
            return this;
        }

        /**
         * Sets the queue capacity in lines.
         *
         * @param value queue capacity in lines
         * @return this builder
         */
        public Builder queueSize(int value) {
            this.queueSize = value;
            return this;
        }

        /**
         * Sets the UDP payload limit in bytes.
         *
         * @param value UDP payload limit in bytes
         * @return this builder
         */
        public Builder maxPacketSize(int value) {
            this.maxPacketSize = value;
            return this;
        }

        /**
         * Sets the first reconnect delay.
         *
         * @param value first reconnect delay
         * @return this builder
         */
        public Builder reconnectMin(Duration value) {
            this.reconnectMin = value;
            return this;
        }

        /**
         * Sets the longest reconnect delay.
         *
         * @param value longest reconnect delay
         * @return this builder
         */
        public Builder reconnectMax(Duration value) {
            this.reconnectMax = value;
            return this;
        }

        /**
         * Sets the rotation interval, {@code null} or zero for none.
         *
         * @param value rotation interval, {@code null} or zero for none
         * @return this builder
         */
        public Builder reconnectEvery(Duration value) {
            this.reconnectEvery = value;
            return this;
        }

        /**
         * Sets the close timeout.
         *
         * @param value close timeout
         * @return this builder
         */
        public Builder closeTimeout(Duration value) {
            this.closeTimeout = value;
            return this;
        }

        /**
         * Validates and builds the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException naming the offending setting
         */
        public ConnectorSettings build() {
            return new ConnectorSettings(host, port, protocol, queueSize, maxPacketSize, reconnectMin, reconnectMax,
                    reconnectEvery, closeTimeout);
        }
    }

    private static Protocol protocol(Settings settings) {
        String raw = settings.get("statsd.protocol", "udp");
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "udp" -> Protocol.UDP;
            case "tcp" -> Protocol.TCP;
            case "uds" -> Protocol.UDS;
            default -> throw Settings.invalid("statsd.protocol", raw, "udp, tcp or uds");
        };
    }

    private static Duration positiveDuration(Settings settings, String key, Duration defaultValue) {
        Duration value = settings.getDuration(key, defaultValue);
        if (value.isZero()) {
            throw Settings.invalid(key, settings.get(key), "a positive duration");
        }
        return value;
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw Settings.invalid(key, Integer.toString(value), "a whole number from " + min + " to " + max);
        }
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw Settings.invalid(key, String.valueOf(value), "a positive duration");
        }
    }
}
