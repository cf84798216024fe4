package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

class BulletinDocxTest {

    private static final BulletinRenderer RENDERER = new BulletinRenderer();
    private static final Bulletin REFERENCE =
            BulletinComposer.withDefaultTexts().compose(ReferenceMonth.facts());
    // rendered once: POI is slow to start and every test only reads
    private static final byte[] DOCX = RENDERER.docx(REFERENCE);

    @Test
    void docxCarriesMastheadTitleAndBody() throws IOException {
        try (XWPFDocument doc = open(DOCX)) {
            List<String> paragraphs =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();

            assertThat(paragraphs)
                    .contains(
                            "盘锦市兴隆台区营商环境建设局文件",
                            "兴隆台区 8890（民心网）工作 “评优评差”情况通报",
                            "（第5期）",
                            "一、基本情况",
                            "2020 年 9 月份，我区 8890（民心网）平台共受理有效诉求 1316 件。办结率 95.74%、及时办结率 96.13%、满意率 97.55%、优秀率 84.02%。",
                            "报：区委书记，区委副书记，区委常委，区长，各位副区长。");
            assertThat(paragraphs)
                    .anySatisfy(p -> assertThat(p).startsWith("兴隆营商督字〔2020〕7号").endsWith("签发人：王兴江"))
                    .anySatisfy(p -> assertThat(p).startsWith("3. 区工作站于每个工作日 16:00 统计"))
                    .anySatisfy(p -> assertThat(p).startsWith("区营商环境建设局办公室").endsWith("2020 年 10 月 29 日印发"));
        }
    }

    @Test
    void docxTablesHoldTheReferenceRows() throws IOException {
        try (XWPFDocument doc = open(DOCX)) {
            List<XWPFTable> tables = doc.getTables();

            assertThat(tables).hasSize(3);
            assertThat(cells(tables.get(0).getRow(0))).containsExactly("名次", "受理单位", "办结率", "按时办结率", "满意率", "优秀率");
            assertThat(cells(tables.get(0).getRow(3)))
                    .containsExactly("3", "盘锦市兴隆台区市场监督管理局", "96.67%", "98%", "100%", "100%");
            assertThat(cells(tables.get(1).getRow(4)))
                    .containsExactly("4", "盘锦油田基础教育", "91.67%", "100.00%", "88.24%", "88.24%", "0.3", "0", "10.3");
            assertThat(cells(tables.get(2).getRow(1)))
                    .containsExactly("1", "614418", "盘锦市民反映食品安全问题", "盘锦市兴隆台区城市管理综合行政执法局", "推诿");
            assertThat(tables).allSatisfy(table -> {
                assertThat(table.getNumberOfRows()).isEqualTo(6);
                assertThat(table.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
                assertThat(table.getInsideVBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            });
        }
    }

    @Test
    void docxHasTheRedMastheadAndSeparatorLine() throws IOException {
        try (XWPFDocument doc = open(DOCX)) {
            XWPFParagraph issuer = doc.getParagraphs().get(0);
            XWPFRun mark = issuer.getRuns().get(0);
            XWPFParagraph numbers = doc.getParagraphs().get(1);

            assertThat(mark.text()).isEqualTo("盘锦市兴隆台区营商环境建设局文件");
            assertThat(mark.getColor()).isEqualTo("FF0000");
            assertThat(mark.getFontFamily()).isEqualTo("方正小标宋简体");
            assertThat(mark.getFontSizeAsDouble()).isEqualTo(26.0);
            assertThat(numbers.getCTPPr().getPBdr().getBottom().xgetColor().getStringValue())
                    .isEqualTo("FF0000");
        }
    }

    @Test
    void docxUsesTheGbT9704PageAndBodyType() throws IOException {
        try (XWPFDocument doc = open(DOCX)) {
            CTSectPr section = doc.getDocument().getBody().getSectPr();
            CTPageMar margins = section.getPgMar();
            XWPFParagraph overview = doc.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("2020 年 9 月份"))
                    .findFirst()
                    .orElseThrow();
            XWPFParagraph title = doc.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("兴隆台区 8890"))
                    .findFirst()
                    .orElseThrow();

            // A4, 37/35/28/26 mm in twips
            assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(List.of(margins.getTop(), margins.getBottom(), margins.getLeft(), margins.getRight()))
                    .containsExactly(
                            BigInteger.valueOf(2098),
                            BigInteger.valueOf(1984),
                            BigInteger.valueOf(1587),
                            BigInteger.valueOf(1474));
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(overview.getRuns().get(0).getFontFamily()).isEqualTo("仿宋_GB2312");
            assertThat(overview.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
        }
    }

    @Test
    void docxFootersNumberThePages() throws IOException {
        try (XWPFDocument doc = open(DOCX)) {
            assertThat(doc.getFooterList())
                    .hasSize(2)
                    .allSatisfy(footer -> assertThat(footer._getHdrFtr().xmlText())
                            .contains("PAGE")
                            .contains("fldChar"));
            assertThat(doc.getFooterList().get(0).getText()).contains("— 1 —");
        }
    }

    @Test
    void docxHasTheIssueDateAsItsDates() throws IOException {
        try (XWPFDocument doc = open(DOCX)) {
            var core = doc.getProperties().getCoreProperties();

            // the issue day begins at 16:00 UTC of the day before in Asia/Shanghai
            assertThat(core.getCreated()).isEqualTo(Instant.parse("2020-10-28T16:00:00Z"));
            assertThat(core.getModified()).isEqualTo(Instant.parse("2020-10-28T16:00:00Z"));
            assertThat(core.getCreator()).isEqualTo("区营商环境建设局");
        }
    }

    @Test
    void sameBulletinGivesTheSameDocxBytes() {
        byte[] again = RENDERER.docx(BulletinComposer.withDefaultTexts().compose(ReferenceMonth.facts()));

        assertThat(again).isEqualTo(DOCX);
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).collect(Collectors.toList());
    }

    static XWPFDocument open(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }
}
