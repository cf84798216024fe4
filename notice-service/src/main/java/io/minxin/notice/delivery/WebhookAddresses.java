package io.minxin.notice.delivery;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which addresses a webhook may connect to, so that notice-service cannot be pointed at the platform's own
 * services, the cloud metadata endpoint or anything else on an internal network: public unicast addresses,
 * and the networks an operator allowed ({@link WebhookNetworkSettings#allowedNetworks()}).
 *
 * <p>Not public, after the IANA special-purpose registries: for IPv4 the ranges of {@link #NOT_PUBLIC_V4}; for
 * IPv6 everything outside global unicast {@code 2000::/3} (unspecified {@code ::}, loopback {@code ::1},
 * IPv4-compatible, NAT64 {@code 64:ff9b::/96}, discard, unique-local {@code fc00::/7}, link-local
 * {@code fe80::/10}, site-local, multicast {@code ff00::/8}) and the ranges of {@link #NOT_PUBLIC_V6} inside it.
 * An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is judged as the IPv4 address it carries, which is where
 * a connection to it goes. Matching is Netty's {@link IpSubnetFilterRule} (already on the class path, family
 * aware, given an {@link InetAddress}: no parsing, no look-up).
 */
final class WebhookAddresses {
    static final List<String> NOT_PUBLIC_V4 = List.of(
            "0.0.0.0/8", // "this network", the unspecified address 0.0.0.0 among them
            "10.0.0.0/8", // private
            "100.64.0.0/10", // carrier-grade NAT
            "127.0.0.0/8", // loopback
            "169.254.0.0/16", // link-local: cloud metadata (169.254.169.254)
            "172.16.0.0/12", // private
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24", // documentation
            "192.88.99.0/24", // 6to4 relay anycast
            "192.168.0.0/16", // private
            "198.18.0.0/15", // benchmarking
            "198.51.100.0/24", // documentation
            "203.0.113.0/24", // documentation
            "224.0.0.0/4", // multicast
            "240.0.0.0/4"); // reserved, the broadcast address 255.255.255.255 among them
    static final String GLOBAL_UNICAST_V6 = "2000::/3";
    static final List<String> NOT_PUBLIC_V6 = List.of(
            "2001::/23", // IETF protocol assignments: Teredo 2001::/32 (tunnels to IPv4), benchmarking, ORCHID
            "2001:db8::/32", // documentation
            "2002::/16", // 6to4: an IPv4 address inside
            "3fff::/20"); // documentation

    private static final List<IpSubnetFilterRule> NOT_PUBLIC =
            rules(Stream.concat(NOT_PUBLIC_V4.stream(), NOT_PUBLIC_V6.stream()).toList());
    private static final IpSubnetFilterRule GLOBAL_UNICAST = rule(GLOBAL_UNICAST_V6);

    private final List<IpSubnetFilterRule> allowed;
    private final List<String> allowedNetworks;

    private WebhookAddresses(List<String> allowedNetworks) {
        this.allowedNetworks = List.copyOf(allowedNetworks);
        this.allowed = rules(this.allowedNetworks);
    }

    /** Public addresses and the given networks (CIDR or a bare address); a network that is no IP range fails. */
    static WebhookAddresses allowing(List<String> allowedNetworks) {
        return new WebhookAddresses(allowedNetworks == null ? List.of() : allowedNetworks);
    }

    /** Public addresses only. */
    static WebhookAddresses publicOnly() {
        return allowing(List.of());
    }

    /** Whether a webhook may connect to {@code address}. */
    boolean permits(InetAddress address) {
        InetSocketAddress judged = new InetSocketAddress(unmapped(address), 0);
        if (allowed.stream().anyMatch(rule -> rule.matches(judged))) {
            return true;
        }
        boolean ipv4 = judged.getAddress().getAddress().length == 4;
        return (ipv4 || GLOBAL_UNICAST.matches(judged)) && NOT_PUBLIC.stream().noneMatch(rule -> rule.matches(judged));
    }

    List<String> allowedNetworks() {
        return allowedNetworks;
    }

    /** {@code ::ffff:a.b.c.d} as {@code a.b.c.d}: the JDK turns the 16 bytes of a mapped address into IPv4. */
    private static InetAddress unmapped(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
        }
    }

    private static List<IpSubnetFilterRule> rules(List<String> networks) {
        return networks.stream().map(WebhookAddresses::rule).toList();
    }

    /** {@code address/prefix} or a bare address; literals only, so a configured name never causes a look-up. */
    private static IpSubnetFilterRule rule(String network) {
        String text = network.strip();
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP network (address/prefix): " + network);
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            int prefix = slash < 0 ? address.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP network (address/prefix): " + network, e);
        }
    }
}
