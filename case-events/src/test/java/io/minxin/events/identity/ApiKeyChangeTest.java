package io.minxin.events.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyChangeTest {
    @Test
    void changeReadsBackAsWritten() {
        ApiKeyChange change = new ApiKeyChange(
                "0123456789abcdef", ApiKeyChange.Change.REVOKED, Instant.parse("2020-09-30T08:00:00Z"));

        assertThat(ApiKeyChange.fromBytes(change.toBytes())).isEqualTo(change);
        assertThat(new String(change.toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"keyId\":\"0123456789abcdef\",\"change\":\"REVOKED\",\"at\":\"2020-09-30T08:00:00Z\"}");
    }

    @Test
    void valueWithoutKeyIdIsNotAChange() {
        byte[] value = "{\"change\":\"ISSUED\",\"at\":\"2020-09-30T08:00:00Z\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ApiKeyChange.fromBytes(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
