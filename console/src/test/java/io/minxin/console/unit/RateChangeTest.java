package io.minxin.console.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateChangeTest {

    @Test
    void givenARateThatRoseThenTheChangeIsAnUpArrowWithThePercentagePointsAsPrinted() {
        RateChange change = new RateChange(0.96666666, 0.95);

        assertThat(change.text()).isEqualTo("▲ 1.67 个百分点");
        assertThat(change.direction()).isEqualTo("up");
        assertThat(change.label()).isEqualTo("较上月上升 1.67 个百分点");
    }

    @Test
    void givenARateThatFellThenTheChangeIsADownArrowWithoutASign() {
        RateChange change = new RateChange(0.95, 0.9612);

        assertThat(change.text()).isEqualTo("▼ 1.12 个百分点");
        assertThat(change.direction()).isEqualTo("down");
        assertThat(change.label()).isEqualTo("较上月下降 1.12 个百分点");
    }

    @Test
    void givenTheSameRateAsPrintedThenItIsUnchanged() {
        assertThat(new RateChange(1.0, 1.0).text()).isEqualTo("持平");
        // 96.6651% and 96.6699% both print as 96.67%: no change a reader could see
        assertThat(new RateChange(0.966651, 0.966699).text()).isEqualTo("持平");
    }

    @Test
    void givenEitherMonthWithoutAValueThenTheChangeIsADash() {
        assertThat(new RateChange(null, 0.95).text()).isEqualTo("—");
        assertThat(new RateChange(0.95, null).text()).isEqualTo("—");
        assertThat(new RateChange(Double.NaN, 0.95).direction()).isEqualTo("none");
        assertThat(new RateChange(null, null).label()).isEqualTo("本月或上月没有数据，无法比较");
    }

    @Test
    void givenAChangeOfLessThanAPointThenItKeepsTheLeadingZero() {
        assertThat(new RateChange(0.9, 0.905).text()).isEqualTo("▼ 0.50 个百分点");
    }
}
