package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.junit.jupiter.api.Test;

/** A draft is marked 草稿 on every page in every format; a live ranking is shown and said to be live. */
class BulletinDraftTest {
    private static final String MARK = "草稿（未印发）";

    private final BulletinComposer composer = BulletinComposer.withDefaultTexts();
    private final BulletinRenderer renderer = new BulletinRenderer();

    @Test
    void givenADraftThenEveryDocxPageHeaderHtmlPageAndTheMarkdownCarryTheDraftMark() throws IOException {
        Bulletin draft = composer.composeDraft(ReferenceMonth.facts());

        assertThat(renderer.markdown(draft)).startsWith("> **" + MARK + "**").endsWith("> **" + MARK + "**\n\n");
        assertThat(renderer.html(draft))
                .contains("<div class=\"draft-mark\">" + MARK + "</div>")
                .contains(".draft-mark{position:fixed;");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(draft)))) {
            // the document has odd and even page footers, so both headers must carry the mark
            assertThat(docx.getHeaderList()).hasSize(2);
            assertThat(docx.getHeaderList()).extracting(XWPFHeader::getText).allMatch(text -> text.contains(MARK));
            assertThat(docx.getDocument().getBody().getSectPr().getHeaderReferenceList())
                    .extracting(reference -> reference.getType().toString())
                    .containsExactlyInAnyOrder("default", "even");
        }
    }

    @Test
    void givenAnIssuedBulletinThenNoPageCarriesTheDraftMark() throws IOException {
        Bulletin issued = composer.compose(ReferenceMonth.facts());

        assertThat(renderer.markdown(issued)).doesNotContain("草稿");
        assertThat(renderer.html(issued)).doesNotContain("draft-mark");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(renderer.docx(issued)))) {
            assertThat(docx.getHeaderList()).isEmpty();
        }
    }

    @Test
    void givenALiveRankingThenTheTablesAreShownAndTheBulletinSaysTheRankingIsNotFrozen() {
        String md =
                renderer.markdown(composer.composeDraft(ReferenceMonth.facts().withLiveRanking(true)));

        assertThat(md)
                .contains("盘锦市兴隆台区工信局等 5 个单位，被评为话务端“五佳”承办单位（见表一）")
                .contains("本期尚未关账，表一、表二为截至目前的实时排名，尚未冻结，以关账后公布的排名为准。")
                .doesNotContain("本月无“五佳”");
        assertThat(renderer.markdown(composer.compose(ReferenceMonth.facts()))).doesNotContain("实时排名");
    }

    @Test
    void givenADraftBeforeAnyRankingHasArrivedThenItSaysTheRankingIsNotThereYetNotThatNoUnitIsAmongTheFiveBest() {
        BulletinFacts reference = ReferenceMonth.facts();
        BulletinFacts unranked = new BulletinFacts(
                reference.period(),
                reference.from(),
                reference.to(),
                reference.issue(),
                reference.overview(),
                List.of(),
                List.of(),
                reference.poorCases(),
                reference.explanations(),
                reference.targets(),
                reference.distribution());

        String draft = renderer.markdown(composer.composeDraft(unranked, true));
        String issued = renderer.markdown(composer.compose(unranked));

        assertThat(draft)
                .contains("按时反馈率等指标排名，话务端、网络端本月排名尚未生成；")
                .contains("等单位存在 5 个办理“较差”诉求件（见表三）。")
                .doesNotContain("“五佳”承办单位")
                .doesNotContain("表一");
        assertThat(issued).contains("话务端本月无“五佳”承办单位；网络端本月无“五佳”承办单位").doesNotContain("尚未生成");
        assertThat(renderer.markdown(composer.composeDraft(unranked, false))).doesNotContain("尚未生成");
    }

    @Test
    void givenEditedRequirementsThenTheyReplaceTheGeneratedOnes() {
        BulletinFacts facts = ReferenceMonth.facts();
        String md = renderer.markdown(composer.compose(
                facts.edited(facts.issue(), facts.explanations(), facts.distribution(), List.of("各单位按时登录。"))));

        assertThat(md).contains("1. 各单位按时登录。").doesNotContain("提示函”措施").doesNotContain("每个工作日");
    }

    @Test
    void givenACorrectionThenItHasItsOwnNumberTitleTheChangesAndTheCorrectedBulletinInFull() {
        Bulletin correction = composer.composeCorrection(
                ReferenceMonth.facts(),
                new BulletinComposer.Correction(
                        1, "兴隆营商督字〔2020〕9号", LocalDate.of(2020, 11, 3), List.of("表三第 2 行办理部门由“甲”改为“乙”。")));

        String md = renderer.markdown(correction);
        assertThat(correction.masthead().documentNumber()).isEqualTo("兴隆营商督字〔2020〕9号");
        assertThat(correction.title()).isEqualTo("关于《兴隆台区 8890（民心网）工作 “评优评差”情况通报》的更正");
        assertThat(correction.subtitle()).isEqualTo("（第5期第1次更正）");
        assertThat(md)
                .contains(
                        "区营商环境建设局于 2020 年 10 月 29 日印发的《兴隆台区 8890（民心网）工作 “评优评差”情况通报》" + "（兴隆营商督字〔2020〕7号）部分内容有误，现更正如下：")
                .contains("1. 表三第 2 行办理部门由“甲”改为“乙”。")
                .contains("更正后的通报全文如下：")
                .contains("## 兴隆台区 8890（民心网）工作 “评优评差”情况通报（第5期）")
                .contains("表三：“较差”承办诉求件")
                .contains("2020 年 11 月 3 日印发")
                .doesNotContain("草稿");
    }
}
