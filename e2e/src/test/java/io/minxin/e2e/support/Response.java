package io.minxin.e2e.support;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** One HTTP answer, body read whole. */
public record Response(int status, HttpHeaders headers, byte[] body) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        return Json.read(body);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    /** For assertion messages: status and the start of the body. */
    @Override
    public String toString() {
        String text = text();
        return status + " " + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
    }
}
