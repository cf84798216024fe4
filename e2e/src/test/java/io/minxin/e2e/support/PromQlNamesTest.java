package io.minxin.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {

    @Test
    void readsMetricNamesAndSkipsFunctionsLabelsRangesAndNumbers() {
        String expression = "sum(rate(minxin_intake_events_rejected_total[5m])) / clamp_min(sum by (type) "
                + "(rate(minxin_intake_events_accepted_total{source=~\"/platform.*\"}[5m])), 1e-9) > 0.05";

        assertThat(PromQlNames.of(expression))
                .containsExactly("minxin_intake_events_accepted_total", "minxin_intake_events_rejected_total");
    }

    @Test
    void keepsHistogramSuffixesAndDropsUpAndTemplateVariables() {
        String expression = "histogram_quantile(0.99, sum by (le) (rate(minxin_intake_publish_seconds_bucket[5m])))"
                + " and on(service) up{job=\"minxin\",unit=~\"$unit\"} == 1";

        assertThat(PromQlNames.of(expression)).containsExactly("minxin_intake_publish_seconds_bucket");
    }

    @Test
    void readsOnlyTheMetricOfAGrafanaLabelValuesQuery() {
        assertThat(PromQlNames.of("label_values(minxin_unit_rate, unit)")).containsExactly("minxin_unit_rate");
    }

    @Test
    void readsNamesOnBothSidesOfAnAndWithGroupingAfterTheAggregation() {
        String expression = "sum(rate(a_total{outcome!=\"delivered\"}[10m])) by (kind) > 0 "
                + "and sum by (kind) (rate(b_total[10m])) == 0";

        assertThat(PromQlNames.of(expression)).containsExactly("a_total", "b_total");
    }
}
