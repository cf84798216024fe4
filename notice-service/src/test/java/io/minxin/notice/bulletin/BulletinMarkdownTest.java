package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulletinMarkdownTest {

    private final BulletinRenderer renderer = new BulletinRenderer();

    @Test
    void referenceMonthRendersAsTheGoldenFileSectionBySection() throws IOException {
        // given the facts of the reference bulletin
        Bulletin bulletin = BulletinComposer.withDefaultTexts().compose(ReferenceMonth.facts());

        // when
        String markdown = renderer.markdown(bulletin);

        // then each section (preamble, 一, 二, 三 with the imprint) equals the golden one
        List<String> expected = sections(golden());
        List<String> actual = sections(markdown);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("section %d", i).isEqualTo(expected.get(i));
        }
        assertThat(markdown).isEqualTo(golden());
    }

    @Test
    void referenceMonthCarriesTheReferenceFiguresRowsAndSentences() {
        String markdown = renderer.markdown(BulletinComposer.withDefaultTexts().compose(ReferenceMonth.facts()));

        assertThat(markdown)
                .contains("兴隆营商督字〔2020〕7号", "签发人：王兴江", "（第5期）")
                .contains("现将本年度 9 月份（9 月 1 日—9 月 30 日）8890（民心网）平台“评优评差”情况通报如下：")
                .contains("共受理有效诉求 1316 件。办结率 95.74%、及时办结率 96.13%、满意率 97.55%、优秀率 84.02%。")
                .contains("涉及基层单位共计 28 家")
                .contains("盘锦市兴隆台区工信局等 5 个单位，被评为话务端“五佳”承办单位（见表一）")
                .contains("盘锦市社会保险事业管理局兴隆台区分局等 5 个单位，被评为网络端“五佳”承办单位（见表二）")
                .contains("盘锦市兴隆台区城市管理综合行政执法局等单位存在 5 个办理“较差”诉求件（见表三）。")
                .contains("| 3 | 盘锦市兴隆台区市场监督管理局 | 96.67% | 98% | 100% | 100% |")
                .contains("| 4 | 盘锦油田基础教育 | 100% | 83.87% | 95.45% | 79.25% |")
                .contains("| 4 | 盘锦油田基础教育 | 91.67% | 100.00% | 88.24% | 88.24% | 0.3 | 0 | 10.3 |")
                .contains("| 4 | 2796110 | 盘锦市兴隆台区村民反映乡村房屋改造问题 | 盘锦市兴隆台区农业和水利服务中心 | 推诿 |")
                .contains("2. 兴隆台区乐府江南小区 B5 号楼 3 单元居民反映")
                .contains("分别不低于 95%、95%、100%。")
                .contains("区工作站于每个工作日 **16:00** 统计各单位登录值守情况")
                .contains("每个月超过 3 天未登录的")
                .contains("报：区委书记，区委副书记，区委常委，区长，各位副区长。")
                .endsWith("区营商环境建设局办公室\n\n2020 年 10 月 29 日印发\n\n");
    }

    @Test
    void sameFactsGiveTheSameMarkdown() {
        BulletinComposer composer = BulletinComposer.withDefaultTexts();

        String first = renderer.markdown(composer.compose(ReferenceMonth.facts()));
        String second = renderer.markdown(composer.compose(ReferenceMonth.facts()));

        assertThat(second).isEqualTo(first);
    }

    private static List<String> sections(String markdown) {
        return Arrays.asList(markdown.split("(?m)^(?=## )"));
    }

    private static String golden() throws IOException {
        try (InputStream in = BulletinMarkdownTest.class.getResourceAsStream("/bulletin/golden-2020-09.md")) {
            assertThat(in).as("golden file").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
