package io.minxin.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A district that assesses from the 26th to the 25th (as Panjin's platform does): one setting,
 * {@code MINXIN_PERIOD_CUT_OFF_DAY=25}, and every service puts a case accepted on 26 September into the October
 * period: the overview, the ranking, the target alerts and the bulletin alike.
 */
@Order(4)
class CutOffPeriodIT {
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final String UNIT = "cutoff-unit";

    private static Minxin minxin;
    private static Api api;

    @BeforeAll
    static void startADistrictWithCutOffDay25() {
        minxin = Minxin.startWith("cutoff25", Map.of("MINXIN_PERIOD_CUT_OFF_DAY", "25"));
        api = minxin.gateway();
        List<String> lines = new ArrayList<>();
        // accepted on the 25th: still September; on the 26th: October. Both concluded in time and visited.
        lines.addAll(appeal("cutoff-0925", "2020-09-25T10:00:00+08:00", "SATISFIED"));
        lines.addAll(appeal("cutoff-0926", "2020-09-26T10:00:00+08:00", "UNSATISFIED"));
        Response sent = new EventFeed(api, minxin.keys().integration()).sendBatch(lines);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    }

    @AfterAll
    static void stop() {
        if (minxin != null) {
            minxin.close();
        }
    }

    @Test
    void overviewCountsTheCaseOfThe26thInTheNextPeriod() {
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(received("2020-09")).isEqualTo(1);
            assertThat(received("2020-10")).isEqualTo(1);
        });
    }

    @Test
    void rankingTargetAlertAndBulletinOfTheNextPeriodHoldTheCaseOfThe26th() {
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode row = rankingRow("2020-10");
            assertThat(row).as("the unit in the October ranking").isNotNull();
            assertThat(row.path("inputs").path("counts").path("received").asLong())
                    .isEqualTo(1);
            assertThat(row.path("inputs").path("counts").path("satisfied").asLong())
                    .isZero();
        });
        Response close = api.post("api/v1/periods/2020-10/close", minxin.keys().operator());
        assertThat(close.status()).as(close.toString()).isEqualTo(200);

        await().atMost(SETTLE).untilAsserted(() -> {
            Response missed = api.get(
                    "api/v1/notices?type=TARGET_MISSED&period=2020-10&unitId=" + UNIT,
                    minxin.keys().dashboard());
            assertThat(missed.status()).as(missed.toString()).isEqualTo(200);
            assertThat(missed.text()).contains(UNIT).contains("2020-10");
        });
        Response septemberMisses = api.get(
                "api/v1/notices?type=TARGET_MISSED&period=2020-09&unitId=" + UNIT,
                minxin.keys().dashboard());
        assertThat(septemberMisses.status()).as(septemberMisses.toString()).isEqualTo(200);
        assertThat(septemberMisses.text()).doesNotContain("\"" + UNIT + "\"");

        await().atMost(SETTLE).untilAsserted(() -> {
            Response bulletin =
                    api.get("api/v1/bulletins/2020-10.md", minxin.keys().dashboard());
            assertThat(bulletin.status()).as(bulletin.toString()).isEqualTo(200);
            assertThat(bulletin.text()).contains("9 月 26 日").contains("10 月 25 日");
        });
    }

    private static long received(String period) {
        Response overview =
                api.get("api/v1/overview?period=" + period, minxin.keys().dashboard());
        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        return overview.json().path("total").path("counts").path("received").asLong(-1);
    }

    private static JsonNode rankingRow(String period) {
        Response ranking = api.get(
                "api/v1/rankings/" + period + "?channel=PHONE&top=50",
                minxin.keys().dashboard());
        if (ranking.status() != 200) {
            return null;
        }
        return StreamSupport.stream(ranking.json().path("rows").spliterator(), false)
                .filter(row -> UNIT.equals(row.path("unitId").asString()))
                .findFirst()
                .orElse(null);
    }

    private static List<String> appeal(String caseId, String acceptedAt, String satisfaction) {
        String concludedAt = acceptedAt.replace("T10:", "T15:");
        String visitedAt = acceptedAt.replace("T10:", "T17:");
        return List.of(
                event(caseId + "-a", "minxin.case.accepted", acceptedAt, """
                        {"caseId":"%s","unitId":"%s","unitName":"截止日测试街道","channel":"PHONE","title":"路灯不亮",\
                        "occurredAt":"%s"}""".formatted(caseId, UNIT, acceptedAt)),
                event(caseId + "-c", "minxin.case.concluded", concludedAt, """
                        {"caseId":"%s","unitId":"%s","reply":"已修复","occurredAt":"%s"}""".formatted(caseId, UNIT, concludedAt)),
                event(caseId + "-v", "minxin.case.visited", visitedAt, """
                        {"caseId":"%s","unitId":"%s","satisfaction":"%s","occurredAt":"%s"}""".formatted(
                                caseId, UNIT, satisfaction, visitedAt)));
    }

    private static String event(String id, String type, String time, String data) {
        return ("{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/platform/e2e-cutoff\",\"type\":\"%s\","
                        + "\"time\":\"%s\",\"datacontenttype\":\"application/json\",\"data\":%s}")
                .formatted(id, type, time, data.replace("\n", ""));
    }
}
