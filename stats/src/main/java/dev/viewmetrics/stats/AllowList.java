package dev.viewmetrics.stats;

import dev.viewmetrics.core.config.Settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which clients may see the stats page: IPv4 and IPv6 networks in CIDR notation ({@code 10.0.0.0/8},
 * {@code 2001:db8::/32}; a bare address is a single host). Addresses are parsed as literals only, never looked
 * up in DNS.
 */
final class AllowList {

    /** The setting listing the networks. */
    static final String KEY = "stats.allow";
    /** Loopback only. */
    static final String LOOPBACK = "127.0.0.0/8, ::1/128";

    private final List<Network> networks;

    private AllowList(List<Network> networks) {
        this.networks = networks;
    }

    /** Parses a comma-separated list; any entry that is not a network fails with a message naming the setting. */
    static AllowList parse(String spec) {
        List<Network> networks = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                networks.add(network(trimmed, spec));
            }
        }
        if (networks.isEmpty()) {
            throw invalid(spec, "it lists no network");
        }
        return new AllowList(List.copyOf(networks));
    }

    /** Whether the client at {@code remoteAddress} (as {@code getRemoteAddr()} gives it) is allowed. */
    boolean allows(String remoteAddress) {
        byte[] address = remoteAddress == null ? null : literal(remoteAddress);
        if (address == null) {
            return false;
        }
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static Network network(String entry, String spec) {
        int slash = entry.indexOf('/');
        String host = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            throw invalid(spec, "'" + host + "' is not an IPv4 or IPv6 address");
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw invalid(spec, "'/" + length + "' in '" + entry + "' is not a prefix length from 0 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return new Network(address, prefix);
    }

    private static IllegalArgumentException invalid(String spec, String why) {
        return Settings.invalid(KEY, spec, "a comma-separated list of IPv4 or IPv6 networks in CIDR notation "
                + "(e.g. 127.0.0.0/8, 10.0.0.0/8, ::1/128, 2001:db8::/32), and " + why);
    }

    /** The bytes of an IP address literal (IPv4-mapped IPv6 gives 4 bytes), or {@code null}; never asks DNS. */
    static byte[] literal(String text) {
        String host = text.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (host.isEmpty()) {
            return null;
        }
        if (host.indexOf(':') < 0) {
            return ipv4(host);
        }
        if (!host.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress(); // a literal with ':' is parsed, never resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}") || Integer.parseInt(parts[i]) > 255) {
                return null;
            }
            address[i] = (byte) Integer.parseInt(parts[i]);
        }
        return address;
    }

    /** One network: an address and how many leading bits must match. */
    private record Network(byte[] address, int prefix) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (address[full] & mask);
        }
    }
}
