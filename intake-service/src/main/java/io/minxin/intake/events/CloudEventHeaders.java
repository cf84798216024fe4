package io.minxin.intake.events;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A CloudEvent in the HTTP binding's binary content mode: every attribute is a {@code ce-<name>} header (values
 * percent-encoded, section 3.1.3.2), {@code Content-Type} is its {@code datacontenttype} and the body its data.
 * The attributes are read here; {@link EventBatchReader} turns them and the data into the event's JSON form, so
 * the event is checked exactly as a structured one.
 */
final class CloudEventHeaders {
    static final String SPEC_VERSION = "ce-specversion";
    static final String DATA_CONTENT_TYPE = "datacontenttype";

    private static final String PREFIX = "ce-";
    /** The data of a binary event is its body, never a header. */
    private static final String DATA = "data";
    /** CloudEvents attribute names; other {@code ce-} headers cannot be attributes and are ignored. */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");

    /**
     * The attributes of a binary-mode event.
     *
     * @param values attribute name to decoded value, {@code datacontenttype} from {@code Content-Type}
     * @param errors attribute name to why its header could not be read; such an attribute has no value
     * @param jsonData whether the body is read as JSON: for a JSON media type, and without any, the JSON format's
     *     default
     */
    record Attributes(Map<String, String> values, Map<String, String> errors, boolean jsonData) {
        Attributes {
            values = Map.copyOf(values);
            errors = Map.copyOf(errors);
        }
    }

    /**
     * Binary content mode: {@code ce-specversion} (in any case) is present and the content type is not an event
     * format ({@code application/cloudevents...}), which would make the request structured or batched.
     */
    static boolean isBinaryMode(HttpHeaders headers) {
        if (!headers.containsHeader(SPEC_VERSION)) {
            return false;
        }
        MediaType type = contentType(headers);
        return type == null
                || !("application".equals(type.getType()) && type.getSubtype().startsWith("cloudevents"));
    }

    static Attributes read(HttpHeaders headers) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String header : headers.headerNames()) {
            String name = header.toLowerCase(Locale.ROOT);
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String attribute = name.substring(PREFIX.length());
            if (!ATTRIBUTE_NAME.matcher(attribute).matches()
                    || DATA.equals(attribute)
                    || values.containsKey(attribute)
                    || errors.containsKey(attribute)) {
                continue;
            }
            // get is case-insensitive: every header of this name, in whatever case it was sent
            List<String> sent = headers.get(header);
            if (DATA_CONTENT_TYPE.equals(attribute)) {
                errors.put(attribute, "must not be a ce-datacontenttype header; in binary mode it is the Content-Type");
            } else if (sent.size() > 1) {
                errors.put(attribute, "is given in " + sent.size() + " " + name + " headers; send one");
            } else {
                try {
                    values.put(attribute, decode(sent.get(0)));
                } catch (IllegalArgumentException e) {
                    errors.put(attribute, "the " + name + " header " + e.getMessage());
                }
            }
        }
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            values.put(DATA_CONTENT_TYPE, contentType);
        }
        return new Attributes(values, errors, contentType == null || isJson(contentType(headers)));
    }

    /**
     * A header value as section 3.1.3.2 says: a quoted string unquoted, then one round of percent-decoding of
     * UTF-8. Characters outside ASCII, which a compliant sender encodes, arrive as the bytes sent (HTTP reads
     * header bytes as ISO-8859-1) and are read as UTF-8 too, so a client that sends raw UTF-8 is understood.
     *
     * @throws IllegalArgumentException for a broken escape or bytes that are not UTF-8 (such as an overlong
     *     encoding), which the binding says to reject
     */
    static String decode(String value) {
        String text = unquote(value);
        if (text.chars().allMatch(c -> c != '%' && c < 0x80)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException(
                            "has a % at " + i + " that is not followed by two hexadecimal digits");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c <= 0xFF) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("is not UTF-8 once percent-decoded", e);
        }
    }

    /** RFC 7230 quoted-string, which older senders used for values with spaces or quotes. */
    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || "json".equals(type.getSubtypeSuffix()));
    }

    private static MediaType contentType(HttpHeaders headers) {
        try {
            return headers.getContentType();
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private CloudEventHeaders() {}
}
