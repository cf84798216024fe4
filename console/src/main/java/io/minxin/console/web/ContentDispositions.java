package io.minxin.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a download with a Chinese name: an ASCII {@code filename} for old
 * clients and the real name as {@code filename*} in RFC 5987 form ({@code UTF-8''} and percent-encoded bytes).
 */
public final class ContentDispositions {

    public static String attachment(String asciiName, String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + asciiName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
                + encoded;
    }

    private ContentDispositions() {}
}
