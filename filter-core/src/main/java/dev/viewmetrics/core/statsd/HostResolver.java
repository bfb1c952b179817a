package dev.viewmetrics.core.statsd;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns the agent's host name into an address, asked again for every connection so that a reconnect follows DNS.
 * {@link #SYSTEM} in production (the JVM's resolver, with its own cache: {@code networkaddress.cache.ttl}); a
 * test's resolver lets it move the agent without a DNS server.
 */
@FunctionalInterface
interface HostResolver {

    /** {@link InetAddress#getByName}. */
    HostResolver SYSTEM = InetAddress::getByName;

    /** The address of {@code host} now. */
    InetAddress resolve(String host) throws UnknownHostException;
}
