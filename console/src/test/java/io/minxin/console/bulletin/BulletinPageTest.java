package io.minxin.console.bulletin;

import static io.minxin.console.Fixtures.bulletin;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class BulletinPageTest extends ConsoleTestSupport {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void givenADraftThenAnOperatorSeesTheIssueButtonAndTheLeaderDoesNot() {
        API.json("GET /api/v1/bulletins/2020-09", bulletin("DRAFT", null));

        assertThat(page("/console/bulletins/2020-09", OPERATOR))
                .contains("草稿", "印发通报", "hx-post=\"/console/bulletins/2020-09/issue\"")
                .contains("src=\"/console/bulletins/2020-09/preview\"")
                .contains("href=\"/console/bulletins/2020-09.docx\"", "href=\"/console/bulletins/2020-09.html\"");
        assertThat(page("/console/bulletins/2020-09", LEADER)).contains("草稿").doesNotContain("印发通报", "hx-post");
    }

    @Test
    void givenTheDocxThenTheConsolePassesItOnByteForByteWithItsTypeAndAChineseFileName() {
        byte[] document = new byte[70_000];
        for (int i = 0; i < document.length; i++) {
            document[i] = (byte) (i * 31);
        }
        API.bytes("GET /api/v1/bulletins/2020-09.docx", DOCX, document, Map.of());

        byte[] served = get("/console/bulletins/2020-09.docx", LEADER)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(DOCX)
                .expectHeader()
                .valueEquals(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"bulletin-2020-09.docx\"; filename*=UTF-8''"
                                + "%E9%80%9A%E6%8A%A5-2020%E5%B9%B49%E6%9C%88.docx")
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        assertThat(served).isEqualTo(document);
        assertThat(API.calls().get(0).authorization()).isEqualTo(tokenOf(LEADER));
    }

    @Test
    void givenThePreviewThenTheApisHtmlIsShownInPlace() {
        API.bytes(
                "GET /api/v1/bulletins/2020-09.html",
                "text/html;charset=UTF-8",
                "<html><body>草稿 通报</body></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of());

        get("/console/bulletins/2020-09/preview", OPERATOR)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/html")
                .expectHeader()
                .doesNotExist(HttpHeaders.CONTENT_DISPOSITION)
                .expectBody(String.class)
                .isEqualTo("<html><body>草稿 通报</body></html>");
    }

    @Test
    void givenAnOperatorIssuesThenTheApiIssuesAndTheStatusFragmentSaysSo() {
        API.json("POST /api/v1/bulletins/2020-09/issue", 201, bulletin("ISSUED", "兴隆营商〔2020〕5号"));

        String fragment = client.post()
                .uri("/console/bulletins/2020-09/issue")
                .header(HttpHeaders.AUTHORIZATION, tokenOf(OPERATOR))
                .header("HX-Request", "true")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("HX-Trigger", "bulletin-issued")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(fragment)
                .startsWith("<section id=\"bulletin-status\"")
                .contains("已印发", "兴隆营商〔2020〕5号", "2020年10月9日 10:00")
                .doesNotContain("印发通报</button>");
        assertThat(API.calls("POST", "/api/v1/bulletins/2020-09/issue")).hasSize(1);
    }

    @Test
    void givenAMonthWithoutABulletinThenTheEmptyStateNamesTheMonth() {
        get("/console/bulletins/2031-01", OPERATOR)
                .expectStatus()
                .isNotFound()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("2031年1月还没有数据", "请选择其他月份"));
    }

    @Test
    void givenAUnitLiaisonAndADraftThenTheApisRefusalIsA403Page() {
        API.problem("GET /api/v1/bulletins/2020-09", 403, "the draft bulletin of 2020-09; it is readable once issued");

        get("/console/bulletins/2020-09", LIAISON)
                .expectStatus()
                .isForbidden()
                .expectBody(String.class)
                .value(page -> assertThat(page).contains("无权查看"));
    }
}
