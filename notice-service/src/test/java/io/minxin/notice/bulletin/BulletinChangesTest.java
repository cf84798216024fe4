package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.notice.bulletin.BulletinFacts.PoorCase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a 更正 says changed: one sentence per change, as printed, in the order of the document. Plain Java. */
class BulletinChangesTest {
    private final BulletinChanges changes = new BulletinChanges(BulletinTexts.defaults());
    private final BulletinFacts reference = ReferenceMonth.facts();

    @Test
    void givenTheSameFactsThenNothingChanged() {
        assertThat(changes.between(reference, ReferenceMonth.facts())).isEmpty();
    }

    @Test
    void givenAnotherUnitInARowOfTable3ThenTheSentenceNamesTableRowColumnAndBothValues() {
        List<PoorCase> poorCases = new ArrayList<>(reference.poorCases());
        PoorCase second = poorCases.get(1);
        poorCases.set(1, new PoorCase(2, second.caseId(), second.title(), "盘锦市兴隆台区兴隆街道办事处", "推诿"));

        assertThat(changes.between(reference, ReferenceMonth.facts(reference.phoneTop(), poorCases)))
                .containsExactly("表三“625810”一行的办理部门由“盘锦市兴隆台区振兴街道办事处”改为“盘锦市兴隆台区兴隆街道办事处”。");
    }

    @Test
    void givenARowLessAndARateChangedThenTheRemovedRowIsQuotedAndTheRateAsPrinted() {
        List<BulletinFacts.PhoneRow> phone =
                new ArrayList<>(reference.phoneTop().subList(0, 4));
        BulletinFacts.PhoneRow third = phone.get(2);
        phone.set(
                2,
                new BulletinFacts.PhoneRow(
                        3,
                        third.unitName(),
                        third.completionRate(),
                        third.onTimeRate(),
                        0.9667,
                        third.excellentRate()));

        assertThat(changes.between(reference, ReferenceMonth.facts(phone, reference.poorCases())))
                .containsExactly(
                        "表一“盘锦市兴隆台区市场监督管理局”一行的满意率由“100%”改为“96.67%”。",
                        "表一删去“盘锦市社会保险事业管理局兴隆台区分局”一行：5，盘锦市社会保险事业管理局兴隆台区分局，100%，100%，100%，66.67%。");
    }

    @Test
    void givenEditedSignerExplanationAndDistributionThenEachIsOneSentence() {
        BulletinFacts.Issue issue = reference.issue();
        List<String> explanations = new ArrayList<>(reference.explanations());
        explanations.set(0, "该诉求实际问题为流动商贩问题，应由综合执法局处理。");
        BulletinFacts edited = reference.edited(
                new BulletinFacts.Issue(
                        issue.header(), issue.office(), issue.number(), issue.sequence(), "李明", issue.issueDate()),
                explanations,
                new BulletinFacts.Distribution(reference.distribution().reportTo(), List.of("区纪委监委"), "区营商环境建设局办公室"),
                List.of());

        assertThat(changes.between(reference, edited))
                .containsExactly(
                        "签发人由“王兴江”改为“李明”。",
                        "“较差”承办诉求件情况说明第 1 条改为：“该诉求实际问题为流动商贩问题，应由综合执法局处理。”",
                        "送由“区纪委监委，区委巡察办，区委区政府督查室，区内各联网平台单位”改为“区纪委监委”。");
    }

    @Test
    void givenOtherOverviewFiguresThenTheyAreComparedAsPrinted() {
        BulletinFacts.Overview was = reference.overview();
        BulletinFacts changed = new BulletinFacts(
                reference.period(),
                reference.from(),
                reference.to(),
                reference.issue(),
                new BulletinFacts.Overview(
                        1317,
                        was.unitsInvolved(),
                        was.completionRate(),
                        was.onTimeRate(),
                        0.97551, // prints as 97.55%: no change
                        0.8),
                reference.phoneTop(),
                reference.webTop(),
                reference.poorCases(),
                reference.explanations(),
                reference.targets(),
                reference.distribution());

        assertThat(changes.between(reference, changed))
                .containsExactly("受理有效诉求（件）由“1316”改为“1317”。", "优秀率由“84.02%”改为“80.00%”。");
    }

    @Test
    void givenACaseTakenOutOfTable3ThenOnlyItsRowAndItsExplanationAreRemoved() {
        List<BulletinFacts.PoorCase> rows = new ArrayList<>();
        for (BulletinFacts.PoorCase row : reference.poorCases()) {
            if (!row.caseId().equals("619389")) {
                rows.add(new BulletinFacts.PoorCase(
                        rows.size() + 1, row.caseId(), row.title(), row.unitName(), row.reason()));
            }
        }
        List<String> explanations = new ArrayList<>(reference.explanations());
        String removed = explanations.remove(2);
        BulletinFacts without = new BulletinFacts(
                reference.period(),
                reference.from(),
                reference.to(),
                reference.issue(),
                reference.overview(),
                reference.phoneTop(),
                reference.webTop(),
                rows,
                explanations,
                reference.targets(),
                reference.distribution());

        assertThat(changes.between(reference, without))
                .containsExactly(
                        "表三删去“619389”一行：3，619389，盘锦市民咨询道路问题，盘锦市兴隆台区城市建设和管理服务中心，推诿。",
                        "“较差”承办诉求件情况说明删去第 3 条：“" + removed + "”");
    }

    @Test
    void givenEditedRequirementsThenTheChangedAndAddedParagraphsAreListed() {
        BulletinFacts edited = reference.edited(
                reference.issue(), reference.explanations(), reference.distribution(), List.of("甲。", "乙。", "丙。", "丁。"));

        assertThat(changes.between(reference, edited)).hasSize(4).contains("工作要求第 1 条改为：“甲。”", "工作要求增加第 4 条：“丁。”");
    }
}
