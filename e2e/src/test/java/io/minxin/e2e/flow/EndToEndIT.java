package io.minxin.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoUnit;
import io.minxin.demo.ExpectedTotals;
import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.DemoSeptember;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.ExpectedRanking;
import io.minxin.e2e.support.Figures;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Response;
import io.minxin.events.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The reference month through the whole system, as its users see it through the gateway: an integration pushes
 * the demo September, an operator closes it, a dashboard reads the overview, the two 五佳 tables, the 较差件,
 * the 提示函 and the bulletin; each equals what the demo generator states.
 */
@Order(2)
@ExtendWith(MinxinExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    private static final int TOP = 5;
    private static final Duration NOTICES_SETTLE = Duration.ofMinutes(2);

    private static DemoSeptember.Loaded september;
    private static Dashboard dashboard;

    @BeforeAll
    static void loadTheReferenceMonth(Minxin minxin) {
        september = DemoSeptember.loadAndClose(minxin);
        dashboard = DemoLoad.dashboard(minxin);
    }

    @Test
    @Order(1)
    void overviewEqualsTheDemoTotals() {
        Response overview = dashboard.overviewResponse(month());

        assertThat(overview.status()).as(overview.toString()).isEqualTo(200);
        assertThat(Figures.overview(overview.json())).isEqualTo(Figures.overview(expected()));
    }

    @Test
    @Order(1)
    void unitTablesEqualTheDemoCountsPerUnit() {
        for (Channel channel : Channel.values()) {
            assertThat(dashboard.units(month(), channel))
                    .as(channel.name())
                    .isEqualTo(Figures.units(expected(), channel));
        }
    }

    @Test
    @Order(1)
    void closingFrozeRevisionOneOfBothChannels() {
        JsonNode revisions = september.closeResponse().json();

        List<String> frozen = new ArrayList<>();
        revisions.forEach(revision -> frozen.add(revision.path("channel").asString() + "#"
                + revision.path("revision").asInt()));
        assertThat(frozen).containsExactlyInAnyOrder("PHONE#1", "WEB#1");
    }

    @Test
    @Order(1)
    void phoneTopFiveFollowsTheWeightedScoreOfTheDemoCounts() {
        assertTopFive(Channel.PHONE);
    }

    @Test
    @Order(1)
    void webTopFiveFollowsTheLexicographicOrderOfTheDemoCounts() {
        assertTopFive(Channel.WEB);
    }

    @Test
    @Order(1)
    void confirmedPushbacksAreTheDemoPushbacks() {
        Map<String, String> expected = new TreeMap<>();
        expected().pushbacks().forEach(pushback -> expected.put(pushback.caseId(), pushback.concludedBy()));

        await("较差件 of " + month())
                .atMost(NOTICES_SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, String> served = new TreeMap<>();
                    dashboard
                            .notices("PUSHBACK_CONFIRMED", month())
                            .forEach(notice -> served.put(
                                    notice.path("caseId").asString(),
                                    notice.path("unitId").asString()));
                    assertThat(served).isEqualTo(expected);
                });
    }

    @Test
    @Order(1)
    void confirmedPushbacksAreDeliveredToTheSubscribedWebhook(Minxin minxin) {
        TreeSet<String> expected = new TreeSet<>();
        expected().pushbacks().forEach(pushback -> expected.add(pushback.caseId()));

        await("较差件 of " + month() + " delivered to the webhook")
                .atMost(NOTICES_SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    TreeSet<String> delivered = new TreeSet<>();
                    minxin.webhooks().received().stream()
                            .filter(notice -> notice.path("type").asString().equals("PUSHBACK_CONFIRMED"))
                            .filter(notice -> notice.path("period").asString().equals(month().toString()))
                            .forEach(notice ->
                                    delivered.add(notice.path("caseId").asString()));
                    assertThat(delivered).isEqualTo(expected);
                });
    }

    @Test
    @Order(1)
    void intakeCountedEveryEventSentOnce() {
        assertThat(september.sent()).isEqualTo(september.demo().events().size());
        assertThat(september.acceptedCounted()).isEqualTo((double) september.sent());
    }

    @Test
    @Order(1)
    void requestsWithoutAKeyAreUnauthorized(Minxin minxin) {
        Api gateway = minxin.gateway();

        assertThat(gateway.get("api/v1/overview?period=" + month()).status()).isEqualTo(401);
        assertThat(gateway.post("api/v1/events/batch", null, EventFeed.NDJSON, new byte[0])
                        .status())
                .isEqualTo(401);
        assertThat(gateway.get(
                                "api/v1/overview?period=" + month(),
                                "mx_nosuchkey_" + "0123456789abcdef0123456789abcdef")
                        .status())
                .isEqualTo(401);
    }

    @Test
    @Order(1)
    void requestsOutsideTheKeysRoleAreForbidden(Minxin minxin) {
        Api gateway = minxin.gateway();
        byte[] oneEvent = (EventFeed.lines(september.demo().events().subList(0, 1), "forbidden")
                                .get(0)
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);

        Response dashboardPosts =
                gateway.post("api/v1/events/batch", minxin.keys().dashboard(), EventFeed.NDJSON, oneEvent);
        Response integrationReads =
                gateway.get("api/v1/overview?period=" + month(), minxin.keys().integration());
        Response dashboardCloses = gateway.post(
                "api/v1/periods/" + month() + "/close", minxin.keys().dashboard());

        assertThat(dashboardPosts.status()).as(dashboardPosts.toString()).isEqualTo(403);
        assertThat(integrationReads.status()).as(integrationReads.toString()).isEqualTo(403);
        assertThat(dashboardCloses.status()).as(dashboardCloses.toString()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void bulletinIsIssuedAsMarkdownHtmlAndDocxWithTheDemoFigures(Minxin minxin) throws IOException {
        ExpectedTotals expected = expected();
        List<String> topUnitNames = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            ExpectedRanking.top(expected, channel, TOP)
                    .forEach(place -> topUnitNames.add(
                            DemoUnit.byId(place.unitId()).orElseThrow().unitName()));
        }
        await("bulletin draft of " + month() + " has the month's figures and both 五佳 tables")
                .atMost(NOTICES_SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(dashboard
                                .get("api/v1/bulletins/" + month() + ".md")
                                .text())
                        .contains("共受理有效诉求 " + expected.total().counts().received() + " 件")
                        .contains(topUnitNames));
        Response issued = minxin.issueBulletin(month().toString());
        assertThat(issued.status()).as(issued.toString()).isIn(201, 409);

        Response markdown = dashboard.get("api/v1/bulletins/" + month() + ".md");
        Response html = dashboard.get("api/v1/bulletins/" + month() + ".html");
        Response docx = dashboard.get("api/v1/bulletins/" + month() + ".docx");

        assertThat(List.of(markdown.status(), html.status(), docx.status())).containsOnly(200);
        assertThat(markdown.contentType()).startsWith("text/markdown");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(docx.contentType()).startsWith("application/vnd.openxmlformats-officedocument");
        String docxText;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx.body()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            docxText = extractor.getText();
        }
        for (String text : List.of(markdown.text(), html.text(), docxText)) {
            assertThat(text)
                    .contains("共受理有效诉求 " + expected.total().counts().received() + " 件")
                    .contains("共计 " + expected.total().units() + " 家")
                    .contains(percent(expected.total().rates().completionRate()))
                    .contains(percent(expected.total().rates().onTimeRate()))
                    .contains(percent(expected.total().rates().satisfactionRate()))
                    .contains(percent(expected.total().rates().excellentRate()));
            expected.pushbacks().forEach(pushback -> assertThat(text).contains(pushback.caseId()));
            assertThat(text).contains(topUnitNames);
        }
    }

    /**
     * The duty check judges a working day at 16:00 on the service's clock, or, for a past day, once the log-in
     * feed is caught up and quiet. The run starts notice-service with {@code MINXIN_NOTICE_DUTY_SINCE}/{@code _UNTIL}
     * set to the reference month (see {@link Minxin}), as {@code run.sh} does for the demo.
     */
    @Test
    @Order(3)
    void dutyLettersGoToTheUnitsWithFourMissedDays() {
        Map<String, List<String>> expected = new TreeMap<>();
        for (String unitId : expected().reminderLetterUnits()) {
            expected.put(
                    unitId,
                    expected().missedDutyDays().get(unitId).stream()
                            .limit(ExpectedTotals.REMINDER_LETTER_MISSED_DAYS)
                            .map(LocalDate::toString)
                            .toList());
        }

        await("提示函 of " + month())
                .atMost(NOTICES_SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Map<String, List<String>> letters = new TreeMap<>();
                    dashboard.notices("DUTY_LETTER", month()).forEach(letter -> {
                        List<String> days = new ArrayList<>();
                        letter.path("facts").path("missedDays").forEach(day -> days.add(day.asString()));
                        letters.put(letter.path("unitId").asString(), days);
                    });
                    assertThat(letters).isEqualTo(expected);
                });
    }

    private void assertTopFive(Channel channel) {
        JsonNode ranking = dashboard.ranking(month(), channel, TOP);
        List<ExpectedRanking.Place> served = new ArrayList<>();
        ranking.path("rows")
                .forEach(row -> served.add(new ExpectedRanking.Place(
                        row.path("rank").asInt(), row.path("unitId").asString())));
        served.sort(Comparator.comparingInt(ExpectedRanking.Place::rank).thenComparing(ExpectedRanking.Place::unitId));

        assertThat(ranking.path("revision").asInt()).as("a frozen revision").isEqualTo(1);
        assertThat(served).isEqualTo(ExpectedRanking.top(expected(), channel, TOP));
    }

    /** The overview's percent format of the bulletin: two decimals. */
    private static String percent(Double rate) {
        return BigDecimal.valueOf(rate)
                        .movePointRight(2)
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    private static ExpectedTotals expected() {
        return september.demo().expected();
    }

    private static YearMonth month() {
        return september.demo().month();
    }
}
