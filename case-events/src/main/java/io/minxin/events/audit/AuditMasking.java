package io.minxin.events.audit;

import io.minxin.events.EventJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes secrets out of what an audit entry records, whatever the producer put in: the audit trail is read by every
 * operator and kept for good, so a secret in it would be a secret handed out.
 *
 * <ul>
 *   <li>the value of every field whose name contains {@code secret}, {@code password}, {@code token} or
 *       {@code apikey} (any case) becomes {@value #MASK} (null stays null: "no secret" is not a secret);
 *   <li>in every string, an API key {@code mx_<id>_<secret>} keeps its id and loses its secret
 *       ({@code mx_<id>_***}), and an http(s) URL keeps its scheme, host, path and parameter names but loses its
 *       user info and parameter values (robot tokens: WeCom {@code key=}, DingTalk {@code access_token=}).
 * </ul>
 */
public final class AuditMasking {
    /** What stands in for a secret. */
    public static final String MASK = "***";

    private static final String[] SECRET_NAMES = {"secret", "password", "token", "apikey"};
    private static final Pattern API_KEY = Pattern.compile("\\b(mx_[a-z0-9]{4,32}_)[A-Za-z0-9_-]{8,}");
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>]+");

    /** A masked copy of {@code change}; null becomes an empty object. */
    public static ObjectNode change(JsonNode change) {
        if (change == null || change.isNull() || change.isMissingNode()) {
            return EventJson.mapper().createObjectNode();
        }
        JsonNode masked = node(change);
        if (masked instanceof ObjectNode object) {
            return object;
        }
        ObjectNode wrapped = EventJson.mapper().createObjectNode();
        wrapped.set("value", masked);
        return wrapped;
    }

    /** {@code text} with API key secrets and URL parameter values and user info masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String keysMasked = API_KEY.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
        return URL.matcher(keysMasked).replaceAll(match -> Matcher.quoteReplacement(url(match.group())));
    }

    /** Whether a field of this name holds a secret. */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        for (String secret : SECRET_NAMES) {
            if (lower.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode node(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = EventJson.mapper().createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (isSecretName(field.getKey()) && !value.isNull()) {
                    copy.put(field.getKey(), MASK);
                } else {
                    copy.set(field.getKey(), node(value));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = EventJson.mapper().createArrayNode();
            node.forEach(element -> copy.add(node(element)));
            return copy;
        }
        if (node.isString()) {
            return EventJson.mapper().getNodeFactory().stringNode(text(node.asString()));
        }
        return node.deepCopy();
    }

    private static String url(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // not a URL that can be taken apart: nothing after the scheme is kept
            return url.substring(0, url.indexOf("://") + 3) + MASK;
        }
        if (uri.getRawQuery() == null && uri.getRawUserInfo() == null && uri.getRawFragment() == null) {
            return url;
        }
        StringBuilder masked = new StringBuilder(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            masked.append(MASK).append('@');
        }
        masked.append(uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1));
        if (uri.getRawPath() != null) {
            masked.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            masked.append('?').append(query(uri.getRawQuery()));
        }
        if (uri.getRawFragment() != null) {
            masked.append('#').append(MASK);
        }
        return masked.toString();
    }

    private static String query(String rawQuery) {
        StringBuilder masked = new StringBuilder();
        for (String parameter : rawQuery.split("&", -1)) {
            if (!masked.isEmpty()) {
                masked.append('&');
            }
            int equals = parameter.indexOf('=');
            masked.append(equals < 0 ? MASK : parameter.substring(0, equals + 1) + MASK);
        }
        return masked.toString();
    }

    private AuditMasking() {}
}
