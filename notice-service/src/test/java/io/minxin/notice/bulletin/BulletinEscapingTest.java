package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.notice.bulletin.BulletinFacts.PoorCase;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class BulletinEscapingTest {

    private static final String HOSTILE = "<script>alert('x')</script> {{x}} ${x} %s | *a* & [l](u)";
    private static final String HOSTILE_TITLE = "1. - 诉求 <b>";

    private final BulletinRenderer renderer = new BulletinRenderer();
    private final Bulletin bulletin = BulletinComposer.withDefaultTexts()
            .compose(ReferenceMonth.facts(
                    List.of(ReferenceMonth.phone(1, HOSTILE, 1.0, 1.0, 1.0, 1.0)),
                    List.of(new PoorCase(1, "614418", HOSTILE_TITLE, HOSTILE, "推诿"))));

    @Test
    void unitNameIsComposedLiterally() {
        Bulletin.Paragraph ranking = (Bulletin.Paragraph) bulletin.body().get(4);

        assertThat(ranking.text()).contains(HOSTILE + "等 1 个单位，被评为话务端“五佳”承办单位（见表一）");
    }

    @Test
    void htmlEscapesEveryDataValue() {
        String html = renderer.html(bulletin);

        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; {{x}} ${x} %s | *a* &amp; [l](u)";
        assertThat(html)
                .contains("<td>" + escaped + "</td>")
                .contains(escaped + "等 1 个单位")
                .contains("<td>1. - 诉求 &lt;b&gt;</td>")
                .doesNotContain("<script>", "<b>");
    }

    @Test
    void markdownEscapesOnlyWhatMarkdownWouldInterpret() {
        String markdown = renderer.markdown(bulletin);

        String escaped = "\\<script\\>alert('x')\\</script\\> {{x}} ${x} %s \\| \\*a\\* \\& \\[l\\](u)";
        assertThat(markdown)
                .contains("| 1 | " + escaped + " | 100% | 100% | 100% | 100% |")
                .contains("| 1 | 614418 | 1. - 诉求 \\<b\\> | " + escaped + " | 推诿 |")
                .contains("排名，" + escaped + "等 1 个单位")
                .doesNotContain("<script>");
    }

    @Test
    void markdownKeepsDataFromStartingABlock() {
        Bulletin withListLikeExplanation = BulletinComposer.withDefaultTexts()
                .compose(withExplanations(List.of("1. 不是列表", "- 也不是", "# 不是标题\n第二行")));

        String markdown = renderer.markdown(withListLikeExplanation);

        assertThat(markdown)
                .contains("\n1. 1\\. 不是列表\n")
                .contains("\n2. \\- 也不是\n")
                .contains("\n3. \\# 不是标题 第二行\n");
    }

    @Test
    void docxCarriesTheDataUnchanged() throws IOException {
        try (XWPFDocument doc = BulletinDocxTest.open(renderer.docx(bulletin))) {
            assertThat(doc.getTables().get(0).getRow(1).getCell(1).getText()).isEqualTo(HOSTILE);
            assertThat(doc.getTables().get(2).getRow(1).getCell(2).getText()).isEqualTo(HOSTILE_TITLE);
        }
    }

    private static BulletinFacts withExplanations(List<String> explanations) {
        BulletinFacts reference = ReferenceMonth.facts();
        return new BulletinFacts(
                reference.period(),
                reference.from(),
                reference.to(),
                reference.issue(),
                reference.overview(),
                reference.phoneTop(),
                reference.webTop(),
                reference.poorCases(),
                explanations,
                reference.targets(),
                reference.distribution());
    }
}
