package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void trimmedPercentDropsTrailingZerosLikeTableOne() {
        assertThat(Formats.percentTrimmed(1.0, "—")).isEqualTo("100%");
        assertThat(Formats.percentTrimmed(0.98, "—")).isEqualTo("98%");
        assertThat(Formats.percentTrimmed(29.0 / 30, "—")).isEqualTo("96.67%");
        assertThat(Formats.percentTrimmed(26.0 / 31, "—")).isEqualTo("83.87%");
        assertThat(Formats.percentTrimmed(0.0, "—")).isEqualTo("0%");
    }

    @Test
    void fixedPercentKeepsTwoDecimalsLikeTableTwo() {
        assertThat(Formats.percentFixed(1.0, "—")).isEqualTo("100.00%");
        assertThat(Formats.percentFixed(0.9, "—")).isEqualTo("90.00%");
        assertThat(Formats.percentFixed(0.9574, "—")).isEqualTo("95.74%");
        assertThat(Formats.percentFixed(11.0 / 12, "—")).isEqualTo("91.67%");
    }

    @Test
    void nullRateIsTheMissingValue() {
        assertThat(Formats.percentTrimmed(null, "—")).isEqualTo("—");
        assertThat(Formats.percentFixed(null, "—")).isEqualTo("—");
    }

    @Test
    void scoreDropsTrailingZeros() {
        assertThat(Formats.score(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(Formats.score(new BigDecimal("10.30"))).isEqualTo("10.3");
        assertThat(Formats.score(new BigDecimal("10.02"))).isEqualTo("10.02");
        assertThat(Formats.score(BigDecimal.valueOf(0.1 + 0.2))).isEqualTo("0.3");
    }
}
