package io.minxin.intake.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CloudEventHeadersTest {

    @Test
    void percentEncodedUtf8IsDecodedAsTheBindingsExampleSays() {
        assertThat(CloudEventHeaders.decode("Euro%20%E2%82%AC%20%F0%9F%98%80")).isEqualTo("Euro € 😀");
        assertThat(CloudEventHeaders.decode("%e7%9b%98%e9%94%a6")).isEqualTo("盘锦");
        assertThat(CloudEventHeaders.decode("%2Fplatform%2Fp")).isEqualTo("/platform/p");
        assertThat(CloudEventHeaders.decode("a+b%25c")).isEqualTo("a+b%c");
    }

    @Test
    void aQuotedStringIsUnquotedBeforePercentDecoding() {
        assertThat(CloudEventHeaders.decode("\"say \\\"hi\\\"%21\"")).isEqualTo("say \"hi\"!");
    }

    @Test
    void rawUtf8BytesAreReadAsUtf8() {
        String asHttpReadsIt = new String("盘锦 8890".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(CloudEventHeaders.decode(asHttpReadsIt)).isEqualTo("盘锦 8890");
    }

    @Test
    void brokenEscapesAndBytesThatAreNotUtf8AreRefused() {
        assertThatThrownBy(() -> CloudEventHeaders.decode("100%")).hasMessageContaining("two hexadecimal digits");
        assertThatThrownBy(() -> CloudEventHeaders.decode("%G1")).hasMessageContaining("two hexadecimal digits");
        assertThatThrownBy(() -> CloudEventHeaders.decode("%C0%A0")).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> CloudEventHeaders.decode("%FF")).hasMessageContaining("not UTF-8");
    }

    @Test
    void givenCeHeadersInAnyCaseWhenReadThenTheyAreAttributesAndContentTypeIsTheDataContentType() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("CE-SpecVersion", "1.0");
        headers.add("ce-id", "e1");
        headers.add("Ce-Source", "/platform/%E7%9B%98%E9%94%A6");
        headers.add("ce-traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        headers.add("ce-not-an-attribute", "x");
        headers.add("ce-data", "{}");
        headers.add(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");

        CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(headers);

        assertThat(attributes.values())
                .containsOnlyKeys("specversion", "id", "source", "traceparent", "datacontenttype")
                .containsEntry("source", "/platform/盘锦")
                .containsEntry("datacontenttype", "application/json; charset=utf-8");
        assertThat(attributes.errors()).isEmpty();
        assertThat(attributes.jsonData()).isTrue();
    }

    @Test
    void givenAnUnreadableRepeatedOrForbiddenHeaderWhenReadThenItsAttributeHasAnError() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("ce-specversion", "1.0");
        headers.add("ce-id", "e1");
        headers.add("CE-ID", "e2");
        headers.add("ce-source", "%C0%A0");
        headers.add("ce-datacontenttype", "application/json");
        headers.add(HttpHeaders.CONTENT_TYPE, "text/plain");

        CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(headers);

        assertThat(attributes.errors()).containsOnlyKeys("id", "source", "datacontenttype");
        assertThat(attributes.errors().get("source"))
                .isEqualTo("the ce-source header is not UTF-8 once percent-decoded");
        assertThat(attributes.values()).doesNotContainKeys("id", "source");
        assertThat(attributes.jsonData()).isFalse();
    }

    @Test
    void binaryModeNeedsCeSpecversionAndAContentTypeThatIsNoEventFormat() {
        assertThat(CloudEventHeaders.isBinaryMode(headers("application/json", true)))
                .isTrue();
        assertThat(CloudEventHeaders.isBinaryMode(headers(null, true))).isTrue();
        assertThat(CloudEventHeaders.isBinaryMode(headers("text/plain", true))).isTrue();
        assertThat(CloudEventHeaders.isBinaryMode(headers("application/json", false)))
                .isFalse();
        assertThat(CloudEventHeaders.isBinaryMode(headers("application/cloudevents+json; charset=utf-8", true)))
                .isFalse();
        assertThat(CloudEventHeaders.isBinaryMode(headers("application/cloudevents-batch+json", true)))
                .isFalse();
    }

    private static HttpHeaders headers(String contentType, boolean specversion) {
        HttpHeaders headers = new HttpHeaders();
        if (contentType != null) {
            headers.add(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (specversion) {
            headers.add("Ce-Specversion", "1.0");
        }
        return headers;
    }
}
