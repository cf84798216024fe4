package io.minxin.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Response;
import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.Satisfaction;
import io.minxin.events.UnitRegistered;
import io.minxin.events.Visited;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A city platform of two districts, through the gateway: three units of their own registered by
 * {@code minxin.unit.registered} (two in 兴隆台区 211103, one in 双台子区 211102), one case each in March 2020.
 * The overview, the unit table and the ranking asked for a district answer its units only, ranked among themselves;
 * an unknown district is 404 problem JSON; a dashboard key scoped to a district reads that district's units only.
 */
@Order(3)
@ExtendWith(MinxinExtension.class)
class JurisdictionsIT {
    private static final String MONTH = "2020-03";
    private static final String SOURCE = "/e2e/jurisdictions";
    private static final String XINGLONGTAI = "211103";
    private static final String SHUANGTAIZI = "211102";
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private static Minxin minxin;
    private static String operator;

    @BeforeAll
    static void twoDistrictsWithACaseForEachUnit(Minxin running) {
        minxin = running;
        operator = minxin.keys().operator();
        Instant registered = Instant.parse("2020-01-01T00:00:00Z");
        List<CaseEvent> events = new ArrayList<>(List.of(
                CaseEvent.of("jx-r1", SOURCE, new UnitRegistered("jx-road", "路政所", XINGLONGTAI, "兴隆台区", registered)),
                CaseEvent.of("jx-r2", SOURCE, new UnitRegistered("jx-park", "园林所", XINGLONGTAI, "兴隆台区", registered)),
                CaseEvent.of("jx-r3", SOURCE, new UnitRegistered("jx-water", "供水所", SHUANGTAIZI, "双台子区", registered))));
        events.addAll(handled("jx-c1", "jx-road", "路政所", Satisfaction.SATISFIED));
        events.addAll(handled("jx-c2", "jx-park", "园林所", Satisfaction.UNSATISFIED));
        events.addAll(handled("jx-c3", "jx-water", "供水所", Satisfaction.SATISFIED));
        new EventFeed(gateway(), minxin.keys().integration()).sendBatch(EventFeed.lines(events, null));

        await("兴隆台区's two units ranked in " + MONTH)
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> units(rankingOf(XINGLONGTAI, operator)).size() == 2
                        && units(rankingOf(SHUANGTAIZI, operator)).size() == 1);
    }

    @Test
    void theOverviewOfADistrictSumsItsUnitsOnly() {
        await("the overview of each district")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> received(XINGLONGTAI) == 2 && received(SHUANGTAIZI) == 1);
    }

    @Test
    void theUnitTableOfADistrictListsItsUnitsWithTheirDistrict() {
        JsonNode table = ok(gateway().get("api/v1/units?period=" + MONTH + "&jurisdiction=" + SHUANGTAIZI, operator));

        assertThat(units(table.path("units"))).containsExactly("jx-water");
        assertThat(table.path("units").get(0).path("jurisdiction").asString()).isEqualTo(SHUANGTAIZI);
    }

    @Test
    void theRankingOfADistrictRanksItsUnitsAmongThemselves() {
        JsonNode ranking = rankingOf(XINGLONGTAI, operator);

        assertThat(units(ranking)).containsExactly("jx-road", "jx-park");
        assertThat(ranking.path("rows").get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(ranking.path("rows").get(1).path("rank").asInt()).isEqualTo(2);
        assertThat(units(rankingOf(SHUANGTAIZI, operator))).containsExactly("jx-water");
    }

    @Test
    void anUnknownDistrictIsNotFound() {
        Response overview = gateway().get("api/v1/overview?period=" + MONTH + "&jurisdiction=999999", operator);
        Response ranking = gateway().get("api/v1/rankings/" + MONTH + "?channel=PHONE&jurisdiction=999999", operator);

        assertThat(overview.status()).as("%s", overview).isEqualTo(404);
        assertThat(overview.contentType()).startsWith("application/problem+json");
        assertThat(ranking.status()).as("%s", ranking).isEqualTo(404);
        assertThat(ranking.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDashboardKeyOfADistrictReadsThatDistrictsUnitsOnly() {
        String district = minxin.issueKey("e2e 双台子区 dashboard", "dashboard", "jurisdiction:" + SHUANGTAIZI);

        JsonNode table = ok(gateway().get("api/v1/units?period=" + MONTH, district));
        Response otherUnit = gateway().get("api/v1/units/jx-road/series?from=2020-03-01&to=2020-03-31", district);
        JsonNode jurisdictions = ok(gateway().get("api/v1/jurisdictions", operator));

        assertThat(units(table.path("units"))).containsExactly("jx-water");
        assertThat(otherUnit.status()).as("%s", otherUnit).isEqualTo(403);
        List<String> known = new ArrayList<>();
        jurisdictions.forEach(jurisdiction -> known.add(jurisdiction.path("id").asString() + " "
                + jurisdiction.path("name").asString()));
        assertThat(known).contains("211102 双台子区", "211103 兴隆台区");
    }

    private static List<CaseEvent> handled(String caseId, String unitId, String unitName, Satisfaction visit) {
        Instant accepted = Instant.parse("2020-03-10T02:00:00Z");
        return List.of(
                CaseEvent.of(
                        caseId + "-1",
                        SOURCE,
                        new Accepted(caseId, unitId, unitName, Channel.PHONE, "诉求", null, accepted, null, null)),
                CaseEvent.of(
                        caseId + "-2",
                        SOURCE,
                        new Concluded(caseId, unitId, "已办结", Instant.parse("2020-03-12T02:00:00Z"))),
                CaseEvent.of(
                        caseId + "-3",
                        SOURCE,
                        new Visited(caseId, unitId, visit, false, Instant.parse("2020-03-13T02:00:00Z"))));
    }

    private static long received(String jurisdiction) {
        Response overview =
                gateway().get("api/v1/overview?period=" + MONTH + "&jurisdiction=" + jurisdiction, operator);
        return overview.status() == 200
                ? overview.json().path("total").path("counts").path("received").asLong()
                : -1;
    }

    private static JsonNode rankingOf(String jurisdiction, String key) {
        Response ranking =
                gateway().get("api/v1/rankings/" + MONTH + "?channel=PHONE&jurisdiction=" + jurisdiction, key);
        return ranking.status() == 200 ? ranking.json() : null;
    }

    private static List<String> units(JsonNode rankingOrRows) {
        List<String> units = new ArrayList<>();
        if (rankingOrRows == null) {
            return units;
        }
        JsonNode rows = rankingOrRows.has("rows") ? rankingOrRows.path("rows") : rankingOrRows;
        rows.forEach(row -> units.add(row.path("unitId").asString()));
        return units;
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private static Api gateway() {
        return minxin.gateway();
    }
}
