package io.minxin.notice.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a webhook may reach: public unicast, and the networks an operator allowed. */
class WebhookAddressesTest {
    private final WebhookAddresses publicOnly = WebhookAddresses.publicOnly();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", // loopback
                "127.255.255.254",
                "0.0.0.0", // unspecified
                "0.1.2.3", // "this network"
                "10.0.0.1", // private
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "169.254.169.254", // link-local: cloud metadata
                "100.64.0.1", // CGNAT
                "100.127.255.255",
                "192.0.0.8", // IETF protocol assignments
                "192.0.2.1", // documentation
                "198.51.100.7",
                "203.0.113.9",
                "198.18.0.1", // benchmarking
                "192.88.99.1", // 6to4 relay
                "224.0.0.1", // multicast
                "239.255.255.250",
                "240.0.0.1", // reserved
                "255.255.255.255", // broadcast
                "::", // unspecified
                "::1", // loopback
                "fe80::1", // link-local
                "febf::1",
                "fec0::1", // site-local
                "fc00::1", // unique-local
                "fd12:3456:789a::1",
                "ff02::1", // multicast
                "::ffff:127.0.0.1", // IPv4-mapped forms
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "::ffff:7f00:1",
                "::127.0.0.1", // IPv4-compatible
                "64:ff9b::7f00:1", // NAT64
                "100::1", // discard
                "2001:db8::1", // documentation
                "2001::1", // Teredo
                "2002:7f00:1::1", // 6to4
                "3fff::1", // documentation
            })
    void nonPublicAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(publicOnly.permits(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "93.184.215.14",
                "100.63.255.255", // just below CGNAT
                "100.128.0.0", // just above
                "172.15.255.255", // just below 172.16/12
                "172.32.0.0", // just above
                "169.253.255.255",
                "223.255.255.255", // just below multicast
                "::ffff:8.8.8.8", // a mapped public address goes to that address
                "2606:4700:4700::1111",
                "2400:cb00::1",
            })
    void publicAddressesArePermitted(String address) throws UnknownHostException {
        assertThat(publicOnly.permits(InetAddress.getByName(address))).isTrue();
    }

    @Test
    void aMappedAddressBuiltAsIpv6IsJudgedAsTheIpv4AddressItCarries() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress ipv6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(ipv6).isInstanceOf(Inet6Address.class);

        assertThat(publicOnly.permits(ipv6)).isFalse();
        assertThat(WebhookAddresses.allowing(List.of("127.0.0.1/32")).permits(ipv6))
                .isTrue();
    }

    @Test
    void anAllowedNetworkAdmitsItsAddressesOnly() throws UnknownHostException {
        WebhookAddresses allowing =
                WebhookAddresses.allowing(List.of("127.0.0.1/32", " 10.20.0.0/16 ", "fd00::/8", "192.168.7.7"));

        assertThat(allowing.permits(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(allowing.permits(InetAddress.getByName("::ffff:127.0.0.1"))).isTrue();
        assertThat(allowing.permits(InetAddress.getByName("10.20.3.4"))).isTrue();
        assertThat(allowing.permits(InetAddress.getByName("fd00::5"))).isTrue();
        assertThat(allowing.permits(InetAddress.getByName("192.168.7.7"))).isTrue();
        assertThat(allowing.permits(InetAddress.getByName("8.8.8.8"))).isTrue();

        assertThat(allowing.permits(InetAddress.getByName("127.0.0.2"))).isFalse();
        assertThat(allowing.permits(InetAddress.getByName("::1"))).isFalse();
        assertThat(allowing.permits(InetAddress.getByName("10.21.0.1"))).isFalse();
        assertThat(allowing.permits(InetAddress.getByName("192.168.7.8"))).isFalse();
        assertThat(allowing.permits(InetAddress.getByName("169.254.169.254"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost/32", "10.0.0.0/33", "::/129", "10.0.0.0/x", "", "example.org"})
    void anAllowedNetworkThatIsNoIpRangeFailsAtStart(String network) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookAddresses.allowing(List.of(network)))
                .withMessageContaining("not an IP network");
    }
}
