package io.minxin.console.web;

import static io.minxin.events.ranking.Ineligibility.tooFewCases;
import static io.minxin.events.ranking.Ineligibility.tooFewReceived;
import static io.minxin.events.ranking.Ineligibility.undefinedRate;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.decision.Indicator;
import io.minxin.events.ranking.Ineligibility;
import io.minxin.events.ranking.NotEligibleUnit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private final Formats formats = new Formats();

    @Test
    void givenAPeriodThenItIsWrittenAsYearAndMonthWithoutALeadingZero() {
        assertThat(formats.month("2020-09")).isEqualTo("2020年9月");
        assertThat(formats.month("2020-12")).isEqualTo("2020年12月");
        assertThat(formats.month(YearMonth.of(2021, 1))).isEqualTo("2021年1月");
        assertThat(formats.month((String) null)).isEqualTo("—");
        assertThat(formats.month("soon")).isEqualTo("soon");
    }

    @Test
    void givenAFractionThenTheRateIsAPercentageWithTwoDecimalsRoundedHalfUp() {
        assertThat(formats.rate(0.96666666)).isEqualTo("96.67%");
        assertThat(formats.rate(0.9574468)).isEqualTo("95.74%");
        assertThat(formats.rate(0.95745)).isEqualTo("95.75%");
        assertThat(formats.rate(1.0)).isEqualTo("100.00%");
        assertThat(formats.rate(0.0)).isEqualTo("0.00%");
    }

    @Test
    void givenNoRateThenItIsADashNeverZero() {
        assertThat(formats.rate(null)).isEqualTo("—");
        assertThat(formats.rate(Double.NaN)).isEqualTo("—");
        assertThat(Formats.percentOrNull(null)).isNull();
        assertThat(Formats.percentOrNull(0.84021)).isEqualTo(84.02);
    }

    @Test
    void givenPointsCountsAndTextThenMissingOnesAreDashes() {
        assertThat(formats.points(96.5)).isEqualTo("96.50");
        assertThat(formats.points(null)).isEqualTo("—");
        assertThat(formats.count(1316L)).isEqualTo("1316");
        assertThat(formats.count(null)).isEqualTo("—");
        assertThat(formats.text(" ")).isEqualTo("—");
    }

    @Test
    void givenAnInstantThenItIsWrittenInChinasTime() {
        assertThat(formats.dateTime(Instant.parse("2020-10-08T06:05:00Z"))).isEqualTo("2020年10月8日 14:05");
        assertThat(formats.dateTime(Instant.parse("2020-09-30T16:30:00Z"))).isEqualTo("2020年10月1日 00:30");
        assertThat(formats.dateTime(null)).isEqualTo("—");
    }

    @Test
    void givenTheApisNamesThenTheChineseOnesAreShown() {
        assertThat(formats.rateName("onTimeRate")).isEqualTo("按时办结率");
        assertThat(formats.indicator(Indicator.SATISFACTION_RATE)).isEqualTo("满意率");
        assertThat(formats.factName("PUSHBACK")).isEqualTo("推诿（较差件）");
        assertThat(formats.verdict("DISMISSED")).isEqualTo("不予认定");
    }

    @Test
    void givenADownloadNameInChineseThenTheDispositionCarriesAnAsciiNameAndTheRfc5987One() {
        assertThat(ContentDispositions.attachment("bulletin-2020-09.docx", "通报-2020年9月.docx"))
                .isEqualTo("attachment; filename=\"bulletin-2020-09.docx\"; filename*=UTF-8''"
                        + "%E9%80%9A%E6%8A%A5-2020%E5%B9%B49%E6%9C%88.docx");
    }

    @Test
    void givenScopesAndRolesThenTheyAreNamedInChineseAndAnUnknownOneAsItIs() {
        assertThat(formats.scope("all")).isEqualTo("全部单位");
        assertThat(formats.scope("unit:xlt-chengjian")).isEqualTo("单位 xlt-chengjian");
        assertThat(formats.scope("unit:xlt-chengjian", java.util.Map.of("xlt-chengjian", "盘锦市兴隆台区城建中心")))
                .isEqualTo("单位 盘锦市兴隆台区城建中心（xlt-chengjian）");
        assertThat(formats.scope("unit:xlt-new", java.util.Map.of())).isEqualTo("单位 xlt-new");
        assertThat(formats.scope("jurisdiction:xlt")).isEqualTo("辖区 xlt");
        assertThat(formats.roleNames(List.of("integration", "operator"))).isEqualTo("对接系统、营商局操作员");
        assertThat(formats.roleName("auditor")).isEqualTo("auditor");
        assertThat(formats.noticeTypeNames(List.of("DUTY_LETTER", "NEW_TYPE"))).isEqualTo("提示函、NEW_TYPE");
    }

    @Test
    void givenIndicatorsAndAScoreThenTheyAreJoinedInChineseAndTheScoreHasFourDecimals() {
        assertThat(formats.indicators(List.of(Indicator.COMPLETION_RATE, Indicator.RETURNS)))
                .isEqualTo("办结率、退件");
        assertThat(formats.indicators(List.of())).isEqualTo("—");
        assertThat(formats.score(0.912345)).isEqualTo("0.9123");
        assertThat(formats.score(null)).isEqualTo("—");
    }

    @Test
    void givenTheGroundsOfANotEligibleUnitThenTheConsoleSaysThemInChineseAndAReasonWithoutGroundsAsItIs() {
        assertThat(formats.notEligibleReason(notEligible("received 2 is below minReceived 5", tooFewReceived(2, 5))))
                .isEqualTo("受理 2 件，少于参评最低件数 5 件");
        assertThat(formats.notEligibleReason(
                        notEligible("…", undefinedRate("satisfactionRate"), undefinedRate("onTimeRate"))))
                .isEqualTo("满意率无法计算（本月没有回访答复）；按时办结率无法计算（本月没有办结件）");
        assertThat(formats.notEligibleReason(notEligible("…", tooFewCases("satisfactionRate", 1, 5))))
                .isEqualTo("满意率仅依据 1 件，少于该指标的最低件数 5 件");
        assertThat(formats.notEligibleReason(notEligible("停业整顿"))).isEqualTo("停业整顿");
        assertThat(formats.notEligibleReason(null)).isEqualTo("—");
    }

    private static NotEligibleUnit notEligible(String reason, Ineligibility... grounds) {
        return new NotEligibleUnit("u", "单位", null, reason, List.of(), List.of(grounds));
    }
}
