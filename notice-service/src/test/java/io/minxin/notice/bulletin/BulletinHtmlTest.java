package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulletinHtmlTest {

    private final String html =
            new BulletinRenderer().html(BulletinComposer.withDefaultTexts().compose(ReferenceMonth.facts()));

    @Test
    void htmlCarriesTheReferenceTexts() {
        assertThat(html)
                .contains("<p class=\"issuer\">盘锦市兴隆台区营商环境建设局文件</p>")
                .contains("<span class=\"document-number\">兴隆营商督字〔2020〕7号</span>")
                .contains("<span class=\"label\">签发人：</span><span class=\"name\">王兴江</span>")
                .contains("<h1>兴隆台区 8890（民心网）工作 “评优评差”情况通报</h1>")
                .contains("<h2>一、基本情况</h2>")
                .contains("共受理有效诉求 1316 件。办结率 95.74%、及时办结率 96.13%、满意率 97.55%、优秀率 84.02%。")
                .contains("<caption>表一：“五佳”基层承办单位（话务端）</caption>")
                .contains("<tr><td>4</td><td>盘锦油田基础教育</td><td>100%</td><td>83.87%</td>"
                        + "<td>95.45%</td><td>79.25%</td></tr>")
                .contains("<td>0.3</td><td>0</td><td>10.3</td>")
                .contains("<tr><td>5</td><td>607226</td><td>盘锦市某市民反映自来水有杂质问题</td>")
                .contains("<p class=\"item\">5. 兴隆台区后二十里村民反映自来水水质问题。")
                .contains("每个工作日 <strong>16:00</strong> 统计")
                .contains("<span class=\"date\">2020 年 10 月 29 日印发</span>");
    }

    @Test
    void htmlIsSelfContainedAndLaidOutForA4Print() {
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<meta charset=\"utf-8\">")
                .contains("size: A4;")
                .contains("margin: 37mm 26mm 35mm 28mm;")
                .contains("\"仿宋_GB2312\"", "\"黑体\"", "\"方正小标宋简体\"")
                .contains("border-bottom: 1.5pt solid #f00;")
                .doesNotContain("<link", "<script", "src=", "http://", "https://");
    }
}
