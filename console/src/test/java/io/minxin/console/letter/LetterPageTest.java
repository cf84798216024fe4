package io.minxin.console.letter;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.console.ConsoleTestSupport;
import io.minxin.console.GatewayStub.Call;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class LetterPageTest extends ConsoleTestSupport {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String ACKNOWLEDGED = "{\"by\":\"cj.liaison\",\"at\":\"2020-09-09T01:00:00Z\",\"reply\":\"\"}";

    static String letter(String status, String acknowledgement) {
        return "{\"noticeId\":\"duty-letter|xlt-chengjian|2020-09\",\"unitId\":\"xlt-chengjian\","
                + "\"unitName\":\"盘锦市兴隆台区城建中心\",\"period\":\"2020-09\",\"documentNumber\":\"兴营商提〔2020〕3号\","
                + "\"issueDate\":\"2020-09-08\",\"missedDays\":[\"2020-09-03\",\"2020-09-07\",\"2020-09-08\"],"
                + "\"status\":\"" + status + "\",\"acknowledgement\":" + acknowledgement
                + ",\"html\":\"/api/v1/letters/xlt-chengjian/2020-09.html\","
                + "\"docx\":\"/api/v1/letters/xlt-chengjian/2020-09.docx\"}";
    }

    @Test
    void givenALeaderThenEachLetterShowsItsUnitMonthAcknowledgementAndDocumentsWithoutAButton() {
        API.json("GET /api/v1/letters?period=2020-09", "[" + letter("ACKNOWLEDGED", ACKNOWLEDGED) + "]");

        String page = page("/console/letters?period=2020-09", LEADER);

        assertThat(page)
                .contains("2020年9月 提示函", "盘锦市兴隆台区城建中心", "兴营商提〔2020〕3号", "2020年9月8日")
                .contains("已确认", "cj.liaison，2020年9月9日 09:00")
                .contains("href=\"/console/letters/xlt-chengjian/2020-09.html\"")
                .contains("href=\"/console/letters/xlt-chengjian/2020-09.docx\"")
                .doesNotContain("hx-post");
    }

    @Test
    void givenNoLettersThenThePageSaysSoAndWhatToDoNext() {
        API.json("GET /api/v1/letters?period=2020-09", "[]");

        assertThat(page("/console/letters?period=2020-09", OPERATOR)).contains("没有提示函", "可以换一个月份查看");
    }

    @Test
    void givenTheLetterDocxThenTheConsolePassesItOnByteForByteWithItsType() {
        byte[] document = new byte[50_000];
        for (int i = 0; i < document.length; i++) {
            document[i] = (byte) (i * 17);
        }
        API.bytes("GET /api/v1/letters/xlt-chengjian/2020-09.docx", DOCX, document, Map.of());

        byte[] served = get("/console/letters/xlt-chengjian/2020-09.docx", LIAISON)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(DOCX)
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        value -> assertThat(value)
                                .startsWith("attachment; filename=\"letter-xlt-chengjian-2020-09.docx\""))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();

        assertThat(served).isEqualTo(document);
        assertThat(API.calls().get(0).authorization()).isEqualTo(tokenOf(LIAISON));
    }

    @Test
    void givenAUnitLiaisonThenTheyAcknowledgeTheirLetterAndTheRowComesBackAcknowledged() {
        API.json("GET /api/v1/letters?period=2020-09", "[" + letter("ISSUED", "null") + "]")
                .json(
                        "POST /api/v1/letters/xlt-chengjian/2020-09/acknowledgement",
                        201,
                        letter("ACKNOWLEDGED", ACKNOWLEDGED));
        assertThat(page("/console/letters?period=2020-09", LIAISON))
                .contains("未确认", "hx-post=\"/console/letters/xlt-chengjian/2020-09/acknowledgement\"")
                .contains("aria-label=\"确认收到 盘锦市兴隆台区城建中心 2020年9月 的提示函\"");

        String row = fragment("/console/letters/xlt-chengjian/2020-09/acknowledgement", LIAISON, "");

        Call call = API.calls("POST", "/api/v1/letters/xlt-chengjian/2020-09/acknowledgement")
                .get(0);
        assertThat(call.authorization()).isEqualTo(tokenOf(LIAISON));
        assertThat(row)
                .startsWith("<tr id=\"letter-xlt-chengjian-2020-09\"")
                .contains("已确认", "cj.liaison")
                .doesNotContain("hx-post", "<html");
    }

    @Test
    void givenTheApiRefusesTheAcknowledgementThenTheRowSaysWhy() {
        API.problem("POST /api/v1/letters/xlt-chengjian/2020-09/acknowledgement", 409, "acknowledged already")
                .json("GET /api/v1/letters?period=2020-09", "[" + letter("ACKNOWLEDGED", ACKNOWLEDGED) + "]");

        String row = fragment("/console/letters/xlt-chengjian/2020-09/acknowledgement", LIAISON, "");

        assertThat(row).contains("这份提示函已经确认收到", "acknowledged already");
    }

    @Test
    void givenAnOperatorThenAcknowledgingIsRefusedWithoutCallingTheApi() {
        htmxPost("/console/letters/xlt-chengjian/2020-09/acknowledgement", OPERATOR, "")
                .expectStatus()
                .isForbidden();
        assertThat(API.calls()).isEmpty();
    }
}
