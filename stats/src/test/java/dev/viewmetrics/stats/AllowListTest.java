package dev.viewmetrics.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may see the stats page: CIDR networks, IPv4 and IPv6, literals only. */
class AllowListTest {

    @Test
    void loopbackByDefaultInBothFamilies() {
        AllowList loopback = AllowList.parse(AllowList.LOOPBACK);
        assertThat(loopback.allows("127.0.0.1")).isTrue();
        assertThat(loopback.allows("127.8.9.10")).isTrue();
        assertThat(loopback.allows("::1")).isTrue();
        assertThat(loopback.allows("[0:0:0:0:0:0:0:1]")).isTrue();
        assertThat(loopback.allows("::ffff:127.0.0.1")).as("IPv4-mapped loopback").isTrue();
        assertThat(loopback.allows("10.0.0.1")).isFalse();
        assertThat(loopback.allows("::2")).isFalse();
        assertThat(loopback.allows("192.168.1.20")).isFalse();
    }

    @Test
    void networksMatchByTheirPrefixBits() {
        AllowList list = AllowList.parse("10.0.0.0/8, 192.168.4.0/22, 203.0.113.7, 2001:db8::/32, fe80::/10");
        assertThat(list.allows("10.255.1.2")).isTrue();
        assertThat(list.allows("11.0.0.1")).isFalse();
        assertThat(list.allows("192.168.7.255")).isTrue();
        assertThat(list.allows("192.168.8.0")).isFalse();
        assertThat(list.allows("203.0.113.7")).isTrue();
        assertThat(list.allows("203.0.113.8")).isFalse();
        assertThat(list.allows("2001:db8:ffff::1")).isTrue();
        assertThat(list.allows("2001:db9::1")).isFalse();
        assertThat(list.allows("fe80::1%eth0")).as("a zone id does not matter").isTrue();
        assertThat(list.allows("febf::1")).isTrue();
        assertThat(list.allows("fec0::1")).isFalse();
        assertThat(list.allows("127.0.0.1")).as("the list replaces the loopback default").isFalse();
    }

    @Test
    void everyoneOnlyWhenSaidSo() {
        AllowList everyone = AllowList.parse("0.0.0.0/0, ::/0");
        assertThat(everyone.allows("8.8.8.8")).isTrue();
        assertThat(everyone.allows("2a00:1450::1")).isTrue();
    }

    @Test
    void namesAndGarbageAreNeverAllowedNorLookedUp() {
        AllowList everyone = AllowList.parse("0.0.0.0/0, ::/0");
        assertThat(everyone.allows("localhost")).isFalse();
        assertThat(everyone.allows("example.com")).isFalse();
        assertThat(everyone.allows("1.2.3")).isFalse();
        assertThat(everyone.allows("")).isFalse();
        assertThat(everyone.allows(null)).isFalse();
    }

    @Test
    void invalidEntriesFailNamingTheSettingAndTheEntry() {
        assertThatThrownBy(() -> AllowList.parse("10.0.0.0/33"))
                .hasMessageStartingWith("viewmetrics: setting 'stats.allow' must be a comma-separated list of IPv4 "
                        + "or IPv6 networks")
                .hasMessageContaining("'/33' in '10.0.0.0/33' is not a prefix length from 0 to 32");
        assertThatThrownBy(() -> AllowList.parse("::1/129")).hasMessageContaining("from 0 to 128");
        assertThatThrownBy(() -> AllowList.parse("10.0.0.256/8")).hasMessageContaining("'10.0.0.256' is not an IPv4");
        assertThatThrownBy(() -> AllowList.parse("intranet")).hasMessageContaining("'intranet' is not an IPv4");
        assertThatThrownBy(() -> AllowList.parse("2001:db8::g/32")).hasMessageContaining("'2001:db8::g'");
        assertThatThrownBy(() -> AllowList.parse("10.0.0.0/x")).hasMessageContaining("'/x'");
        assertThatThrownBy(() -> AllowList.parse(" , ")).hasMessageContaining("it lists no network");
    }
}
