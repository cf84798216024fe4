package io.minxin.notice.delivery;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where webhooks may point. A webhook connects only to public addresses: loopback, private, link-local (cloud
 * metadata), unique-local, CGNAT, multicast and other special-purpose addresses are refused, when subscribing
 * and again at every connection.
 *
 * @param allowedNetworks networks (CIDR, e.g. {@code 127.0.0.1/32}, {@code 10.20.0.0/16}, {@code fd00::/8}; a
 *     bare address is one host) a webhook may reach although they are not public, e.g. a receiver on the
 *     operator's own network; empty: public addresses only. Comma-separated in the environment variable
 */
@ConfigurationProperties("minxin.notice.webhooks")
record WebhookNetworkSettings(@DefaultValue List<String> allowedNetworks) {

    WebhookAddresses addresses() {
        return WebhookAddresses.allowing(allowedNetworks);
    }
}
