package io.minxin.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormLabelsTest {

    @Test
    void givenFieldsNamedByLabelsOrAriaThenNoneIsReported() {
        String page = "<form><label for=\"a\">月份</label><input id=\"a\" name=\"period\">"
                + "<label>原因 <textarea name=\"reason\"></textarea></label>"
                + "<select name=\"unit\" aria-label=\"承办单位\"></select>"
                + "<h3 id=\"t\">权重</h3><input name=\"w\" aria-labelledby=\"t\">"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"x\"><button type=\"submit\">保存</button>"
                + "<details><summary>排名依据</summary></details></form>";

        assertThat(FormLabels.unlabelled(page)).isEmpty();
    }

    @Test
    void givenAFieldWithoutALabelOrAnEmptyButtonThenEachIsReported() {
        String page = "<form><label for=\"other\">月份</label><input id=\"a\" name=\"period\">"
                + "<label for=\"b\"> </label><select id=\"b\" name=\"unit\"></select>"
                + "<input name=\"w\" aria-labelledby=\"nowhere\"><button type=\"button\"></button></form>";

        assertThat(FormLabels.unlabelled(page))
                .containsExactly(
                        "<input id=\"a\" name=\"period\">",
                        "<select id=\"b\" name=\"unit\">",
                        "<input name=\"w\" aria-labelledby=\"nowhere\">",
                        "<button type=\"button\">");
    }
}
