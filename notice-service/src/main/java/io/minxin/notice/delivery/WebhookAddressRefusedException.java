package io.minxin.notice.delivery;

import java.net.InetAddress;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A webhook's host is, or resolves only to, addresses it may not reach ({@link WebhookAddresses}). The message
 * names the host and its addresses, never the URL's path or query (robot keys).
 */
class WebhookAddressRefusedException extends RuntimeException {
    WebhookAddressRefusedException(String host, Collection<InetAddress> addresses) {
        super(describe(host, addresses)
                + " is loopback, private, link-local or otherwise not public, and not in"
                + " minxin.notice.webhooks.allowed-networks");
    }

    private static String describe(String host, Collection<InetAddress> addresses) {
        String resolved = addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        return resolved.equals(host) ? host : host + " (" + resolved + ")";
    }
}
