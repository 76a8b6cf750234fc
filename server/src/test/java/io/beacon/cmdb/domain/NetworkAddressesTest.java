package io.beacon.cmdb.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NetworkAddressesTest {

    @Test
    void ipv4LiteralsAreKeptDottedDecimal() {
        assertThat(NetworkAddresses.normaliseIp(" 10.0.0.1 ")).contains("10.0.0.1");
        assertThat(NetworkAddresses.normaliseIp("255.255.255.255")).contains("255.255.255.255");
    }

    @Test
    void malformedIpv4IsRefused() {
        assertThat(NetworkAddresses.normaliseIp("256.1.1.1")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp("10.0.0")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp("010.0.0.1")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp("1.2.3.4.5")).isEmpty();
    }

    @Test
    void ipv6IsWrittenInItsCanonicalForm() {
        assertThat(NetworkAddresses.normaliseIp("2001:0DB8:0000:0000:0000:0000:0000:0001")).contains("2001:db8::1");
        assertThat(NetworkAddresses.normaliseIp("::1")).contains("::1");
        assertThat(NetworkAddresses.normaliseIp("0:0:0:0:0:0:0:0")).contains("::");
        assertThat(NetworkAddresses.normaliseIp("2001:db8:0:1:0:0:0:1")).contains("2001:db8:0:1::1");
        // a single zero group is not shortened; of two equal runs the first one is
        assertThat(NetworkAddresses.normaliseIp("2001:db8:0:1:1:1:1:1")).contains("2001:db8:0:1:1:1:1:1");
        assertThat(NetworkAddresses.normaliseIp("2001:0:0:1:0:0:1:1")).contains("2001::1:0:0:1:1");
        assertThat(NetworkAddresses.normaliseIp("[fe80::1]")).contains("fe80::1");
    }

    @Test
    void ipv4MappedIpv6BecomesIpv4() {
        assertThat(NetworkAddresses.normaliseIp("::ffff:10.1.2.3")).contains("10.1.2.3");
    }

    @Test
    void namesAndNonsenseAreNotAddressesAndNeverResolved() {
        assertThat(NetworkAddresses.normaliseIp("localhost")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp("example.com")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp("1:2:3:4:5:6:7:8:9")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp("gggg::1")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp("")).isEmpty();
        assertThat(NetworkAddresses.normaliseIp(null)).isEmpty();
    }

    @Test
    void hostnamesAreLowerCasedAndChecked() {
        assertThat(NetworkAddresses.normaliseHostname("Mail-01.Beacon.Example.")).contains("mail-01.beacon.example");
        assertThat(NetworkAddresses.normaliseHostname("db01")).contains("db01");
        assertThat(NetworkAddresses.normaliseHostname("-bad.example")).isEmpty();
        assertThat(NetworkAddresses.normaliseHostname("under_score")).isEmpty();
        assertThat(NetworkAddresses.normaliseHostname("two..dots")).isEmpty();
        assertThat(NetworkAddresses.normaliseHostname("a".repeat(64))).isEmpty();
        assertThat(NetworkAddresses.normaliseHostname("메일")).isEmpty();
    }
}
