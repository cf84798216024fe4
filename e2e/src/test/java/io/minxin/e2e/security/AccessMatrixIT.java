package io.minxin.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.DemoUnit;
import io.minxin.demo.ExpectedTotals;
import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.Cases;
import io.minxin.e2e.support.DemoSeptember;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Json;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.MinxinExtension;
import io.minxin.e2e.support.Response;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Satisfaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Who may call what, through the gateway: every route family, read and write, for a caller without a key, an
 * operator, an integration, a city-wide dashboard and a dashboard limited to one unit (A), with the status each
 * gets, one table. Then what the unit-scoped dashboard sees where it is let in: its own figures, rows, rank,
 * notices and cases only, and the bulletin once it is issued; it disputes its own case only, decides nothing, and
 * acknowledges its own 提示函 only. A month of its own (May 2020): two cases, one of unit A and one of unit B, both
 * concluded late, B's visit unsatisfied, the month closed.
 */
@Order(3)
@ExtendWith(MinxinExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {
    private static final String MONTH = "2020-05";
    private static final DemoUnit A = DemoUnit.GONGXIN;
    private static final DemoUnit B = DemoUnit.SHUIWU;
    private static final String CASE_A = "am-a1";
    private static final String CASE_B = "am-b1";
    private static final String SOURCE = "/e2e/access-matrix";
    private static final Duration SETTLE = Duration.ofMinutes(3);

    /** The callers of the table, in its column order; null: no key at all. */
    private static final List<String> CALLERS = List.of("no key", "operator", "integration", "dashboard", "unit A");

    private static Minxin minxin;
    private static Map<String, String> keys;

    @BeforeAll
    static void aMonthOfTwoUnitsClosed(Minxin running) {
        minxin = running;
        Instant accepted = Instant.parse("2020-05-11T02:00:00Z");
        Instant due = Instant.parse("2020-05-12T02:00:00Z");
        Instant concluded = Instant.parse("2020-05-20T02:00:00Z");
        Instant visited = Instant.parse("2020-05-21T02:00:00Z");
        List<CaseEvent> events = List.of(
                Cases.accepted(SOURCE, CASE_A, A, Channel.PHONE, "路灯不亮", accepted, due),
                Cases.concluded(SOURCE, CASE_A, A, concluded),
                Cases.visited(SOURCE, CASE_A, A, Satisfaction.SATISFIED, false, visited),
                Cases.accepted(SOURCE, CASE_B, B, Channel.PHONE, "发票开具", accepted, due),
                Cases.concluded(SOURCE, CASE_B, B, concluded),
                Cases.visited(SOURCE, CASE_B, B, Satisfaction.UNSATISFIED, false, visited));
        new EventFeed(minxin.gateway(), minxin.keys().integration()).sendBatch(EventFeed.lines(events, null));

        String operator = minxin.keys().operator();
        await("both units of " + MONTH + " ranked on their visits")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Response ranking = gateway().get("api/v1/rankings/" + MONTH + "?channel=PHONE", operator);
                    if (ranking.status() != 200) {
                        return false;
                    }
                    List<Long> visits = new ArrayList<>();
                    ranking.json()
                            .path("rows")
                            .forEach(row -> visits.add(row.path("inputs")
                                    .path("counts")
                                    .path("visited")
                                    .asLong()));
                    return visits.equals(List.of(1L, 1L));
                });
        await("the overview of " + MONTH + " counts both cases")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Response overview = gateway().get("api/v1/overview?period=" + MONTH, operator);
                    return overview.status() == 200
                            && overview.json()
                                            .path("total")
                                            .path("counts")
                                            .path("visited")
                                            .asLong()
                                    == 2;
                });
        Response close = gateway().post("api/v1/periods/" + MONTH + "/close", operator);
        assertThat(close.status()).as("close: %s", close).isEqualTo(200);

        keys = new LinkedHashMap<>();
        keys.put("no key", null);
        keys.put("operator", operator);
        keys.put("integration", minxin.keys().integration());
        keys.put("dashboard", minxin.keys().dashboard());
        keys.put("unit A", minxin.issueKey("e2e unit A dashboard", "dashboard", "unit:" + A.unitId()));
    }

    private static Api gateway() {
        return minxin.gateway();
    }

    /**
     * One route of the table: the call and the status of each caller, in {@link #CALLERS} order. 400 for an
     * operator's write with a bad body means it was let in and refused nothing but the body (no side effects).
     */
    private record Route(String method, String path, String body, List<Integer> statuses) {
        static Route get(String path, Integer... statuses) {
            return new Route("GET", path, null, List.of(statuses));
        }

        static Route write(String method, String path, String body, Integer... statuses) {
            return new Route(method, path, body, List.of(statuses));
        }

        @Override
        public String toString() {
            return method + " /" + path;
        }
    }

    private static final String SERIES = "/series?from=2020-05-01&to=2020-05-31";
    private static final String BAD_JSON = "{\"order\":\"BOGUS\"}";

    /** Every route family, read and write: no key, operator, integration, dashboard (all), dashboard unit:A. */
    private static List<Route> table() {
        return List.of(
                // metrics: a unit reads its own figures, series and cases; another unit's series or case is 403
                Route.get("api/v1/overview?period=" + MONTH, 401, 200, 403, 200, 200),
                Route.get("api/v1/units?period=" + MONTH, 401, 200, 403, 200, 200),
                Route.get("api/v1/units/" + A.unitId() + SERIES, 401, 200, 403, 200, 200),
                Route.get("api/v1/units/" + B.unitId() + SERIES, 401, 200, 403, 200, 403),
                Route.get("api/v1/cases/" + CASE_A, 401, 200, 403, 200, 200),
                Route.get("api/v1/cases/" + CASE_B, 401, 200, 403, 200, 403),
                Route.get("api/v1/cases/am-none", 401, 404, 403, 404, 404),
                // the jurisdictions: a unit gets those of its own unit only
                Route.get("api/v1/jurisdictions", 401, 200, 403, 200, 200),
                // rankings: read by dashboards (a unit its own row); what-if is refused to every key at the gateway
                Route.get("api/v1/rankings/" + MONTH + "?channel=PHONE", 401, 200, 403, 200, 200),
                Route.get("api/v1/rankings/" + MONTH + "/bottom?channel=PHONE", 401, 200, 403, 200, 200),
                Route.get("api/v1/rankings/" + MONTH + "/revisions", 401, 200, 403, 200, 200),
                Route.write(
                        "POST", "api/v1/rankings/" + MONTH + "/what-if?channel=PHONE", "{}", 401, 403, 403, 403, 403),
                // policies and periods: read by dashboards, changed by operators
                Route.get("api/v1/policies", 401, 200, 403, 200, 200),
                Route.write("PUT", "api/v1/policies/PHONE", BAD_JSON, 401, 400, 403, 403, 403),
                Route.write("POST", "api/v1/periods/" + MONTH + "/close", null, 401, 200, 403, 403, 403),
                // notices: a unit its own; asking for another unit's is 403
                Route.get("api/v1/notices?period=" + MONTH, 401, 200, 403, 200, 200),
                Route.get("api/v1/notices?unitId=" + B.unitId(), 401, 200, 403, 200, 403),
                Route.get("api/v1/notices?unitId=" + A.unitId(), 401, 200, 403, 200, 200),
                // bulletins: the draft is the city's (a unit gets it once issued, see below); issued by operators
                Route.get("api/v1/bulletins/" + MONTH, 401, 200, 403, 200, 403),
                Route.get("api/v1/bulletins/" + MONTH + ".md", 401, 200, 403, 200, 403),
                Route.write("POST", "api/v1/bulletins/" + MONTH + "/issue", "{\"number\":0}", 401, 400, 403, 403, 403),
                Route.write(
                        "PATCH",
                        "api/v1/bulletins/" + MONTH + "/draft",
                        "{\"sequence\":\"x\"}",
                        401,
                        400,
                        403,
                        403,
                        403),
                Route.write(
                        "POST",
                        "api/v1/bulletins/" + MONTH + "/corrections",
                        "{\"reason\":[1]}",
                        401,
                        400,
                        403,
                        403,
                        403),
                // month-end (issue 16): every read for dashboards (a unit its own), operators decide; a unit files
                // a dispute about its own case only (B's: 403), a dashboard of no unit files none
                Route.get("api/v1/reviews?period=" + MONTH, 401, 200, 403, 200, 200),
                Route.write(
                        "POST",
                        "api/v1/reviews/" + CASE_A + "/ruling",
                        "{\"verdict\":\"BOGUS\"}",
                        401,
                        400,
                        403,
                        403,
                        403),
                Route.get("api/v1/exclusions?period=" + MONTH, 401, 200, 403, 200, 200),
                Route.write("POST", "api/v1/exclusions", "{\"indicators\":[\"BOGUS\"]}", 401, 400, 403, 403, 403),
                Route.get("api/v1/disputes?period=" + MONTH, 401, 200, 403, 200, 200),
                Route.write("POST", "api/v1/disputes", disputeOf(CASE_B, "UNSATISFIED_VISIT"), 401, 403, 403, 403, 403),
                Route.write(
                        "POST",
                        "api/v1/disputes/am-none/decision",
                        "{\"accepted\":\"maybe\"}",
                        401,
                        400,
                        403,
                        403,
                        403),
                Route.get("api/v1/letters?period=" + MONTH, 401, 200, 403, 200, 200),
                Route.get("api/v1/letters?unitId=" + B.unitId(), 401, 200, 403, 200, 403),
                Route.write(
                        "POST",
                        "api/v1/letters/" + B.unitId() + "/" + MONTH + "/acknowledgement",
                        "{}",
                        401,
                        403,
                        403,
                        403,
                        403),
                // operators only: subscriptions, audit, keys
                Route.get("api/v1/subscriptions", 401, 200, 403, 403, 403),
                Route.write("POST", "api/v1/subscriptions", "{}", 401, 400, 403, 403, 403),
                Route.get("api/v1/audit", 401, 200, 403, 403, 403),
                Route.get("api/v1/keys", 401, 200, 403, 403, 403),
                Route.write("POST", "api/v1/keys", "{}", 401, 400, 403, 403, 403),
                // events: integrations write, nobody reads
                Route.write("POST", "api/v1/events", "{}", 401, 403, 400, 403, 403),
                Route.get("api/v1/events", 401, 403, 403, 403, 403),
                // no such route: 404 to any valid key, 401 without one
                Route.get("api/v1/nothing", 401, 404, 404, 404, 404));
    }

    private static String disputeOf(String caseId, String subject) {
        return Json.write(Map.of("caseId", caseId, "subject", subject, "reason", "e2e: 该件已按期办结"));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyCallerGetsTheStatusOfTheTable() {
        return table().stream()
                .map(route -> DynamicTest.dynamicTest(route.toString(), () -> {
                    SoftAssertions softly = new SoftAssertions();
                    for (int i = 0; i < CALLERS.size(); i++) {
                        String caller = CALLERS.get(i);
                        Response response = call(route, keys.get(caller));
                        softly.assertThat(response.status())
                                .as("%s as %s: %s", route, caller, response)
                                .isEqualTo(route.statuses().get(i));
                        if (response.status() >= 400) {
                            softly.assertThat(response.contentType())
                                    .as("%s as %s: problem JSON", route, caller)
                                    .startsWith("application/problem+json");
                        }
                    }
                    softly.assertAll();
                }));
    }

    private static Response call(Route route, String apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (apiKey != null) {
            headers.put(Api.KEY_HEADER, apiKey);
        }
        if (route.body() != null) {
            headers.put("Content-Type", "application/json");
        }
        return gateway()
                .send(
                        route.method(),
                        route.path(),
                        headers,
                        route.body() == null ? null : route.body().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode asUnitA(String path) {
        Response response = gateway().get(path, keys.get("unit A"));
        assertThat(response.status()).as("%s as unit A: %s", path, response).isEqualTo(200);
        return response.json();
    }

    @Test
    @Order(2)
    void aUnitsOverviewHasItsOwnFiguresRightAfterACityWideDashboardReadTheCitys() {
        // the city-wide read first: an answer the gateway's dashboard cache may keep must never reach unit A
        assertThat(gateway()
                        .get("api/v1/overview?period=" + MONTH, keys.get("dashboard"))
                        .json()
                        .path("total")
                        .path("cases")
                        .asLong())
                .isEqualTo(2);

        JsonNode overview = asUnitA("api/v1/overview?period=" + MONTH);

        assertThat(overview.path("total").path("cases").asLong()).isEqualTo(1);
        assertThat(overview.path("total").path("units").asLong()).isEqualTo(1);
        assertThat(overview.path("total").path("counts").path("satisfied").asLong())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aUnitsTableListsItsOwnRowsOnly() {
        gateway().get("api/v1/units?period=" + MONTH, keys.get("dashboard"));

        List<String> units = new ArrayList<>();
        asUnitA("api/v1/units?period=" + MONTH)
                .path("units")
                .forEach(row -> units.add(row.path("unitId").asString()));

        assertThat(units).isNotEmpty().containsOnly(A.unitId());
    }

    @Test
    @Order(2)
    void aUnitSeesItsOwnRankingRowWithTheRankItHasAmongAll() {
        JsonNode all = gateway()
                .get("api/v1/rankings/" + MONTH + "?channel=PHONE", keys.get("dashboard"))
                .json();
        int rankOfA = -1;
        for (JsonNode row : all.path("rows")) {
            if (row.path("unitId").asString().equals(A.unitId())) {
                rankOfA = row.path("rank").asInt();
            }
        }

        JsonNode seen = asUnitA("api/v1/rankings/" + MONTH + "?channel=PHONE");

        assertThat(seen.path("rows")).hasSize(1);
        assertThat(seen.path("rows").get(0).path("unitId").asString()).isEqualTo(A.unitId());
        assertThat(seen.path("rows").get(0).path("rank").asInt())
                .isEqualTo(rankOfA)
                .isPositive();
    }

    @Test
    @Order(2)
    void aUnitReadsItsOwnNoticesOnly() {
        await("the target notices of both units of " + MONTH)
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    List<String> noticed = new ArrayList<>();
                    gateway()
                            .get(
                                    "api/v1/notices?type=TARGET_MISSED&period=" + MONTH,
                                    minxin.keys().operator())
                            .json()
                            .forEach(notice -> noticed.add(notice.path("unitId").asString()));
                    return noticed.containsAll(List.of(A.unitId(), B.unitId()));
                });

        List<String> units = new ArrayList<>();
        asUnitA("api/v1/notices?period=" + MONTH)
                .forEach(notice -> units.add(notice.path("unitId").asString()));

        assertThat(units).isNotEmpty().containsOnly(A.unitId());
    }

    @Test
    @Order(2)
    void aUnitReadsItsOwnCaseAndNotAnothers() {
        assertThat(asUnitA("api/v1/cases/" + CASE_A).path("owner").asString()).isEqualTo(A.unitId());

        Response other = gateway().get("api/v1/cases/" + CASE_B, keys.get("unit A"));

        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("detail").asString()).contains("unit:" + A.unitId());
    }

    @Test
    @Order(2)
    void onlyADashboardKeyMayBeLimitedToAUnit() {
        for (String role : List.of("operator", "integration")) {
            Response refused = gateway()
                    .post(
                            "api/v1/keys",
                            minxin.keys().operator(),
                            "application/json",
                            Json.write(Map.of("name", "scoped " + role, "roles", List.of(role), "scope", "unit:x"))
                                    .getBytes(StandardCharsets.UTF_8));
            assertThat(refused.status()).as("%s: %s", role, refused).isEqualTo(400);
        }
    }

    @Test
    @Order(2)
    void aUnitDisputesItsOwnCaseOnlyAndOnlyAnOperatorDecides() {
        Response foreign = post("api/v1/disputes", keys.get("unit A"), disputeOf(CASE_B, "LATE_CONCLUSION"));
        assertThat(foreign.status()).as("unit A about B's case: %s", foreign).isEqualTo(403);
        Response cityWide = post("api/v1/disputes", keys.get("dashboard"), disputeOf(CASE_A, "LATE_CONCLUSION"));
        assertThat(cityWide.status()).as("a dashboard of no unit: %s", cityWide).isEqualTo(403);

        Response filed = post("api/v1/disputes", keys.get("unit A"), disputeOf(CASE_A, "LATE_CONCLUSION"));
        assertThat(filed.status()).as("unit A about its own case: %s", filed).isEqualTo(201);
        String disputeId = filed.json().hasNonNull("disputeId")
                ? filed.json().path("disputeId").asString()
                : filed.json().path("id").asString();
        List<String> units = new ArrayList<>();
        Json.items(asUnitA("api/v1/disputes?period=" + MONTH))
                .forEach(dispute -> units.add(dispute.path("unitId").asString()));
        assertThat(units).contains(A.unitId()).containsOnly(A.unitId());

        String rejection = Json.write(Map.of("accepted", false, "reason", "e2e: 超期属实"));
        String decision = "api/v1/disputes/" + disputeId + "/decision";
        for (String caller : List.of("dashboard", "unit A")) {
            Response refused = post(decision, keys.get(caller), rejection);
            assertThat(refused.status()).as("%s decides: %s", caller, refused).isEqualTo(403);
        }
        Response rejected = post(decision, keys.get("operator"), rejection);
        assertThat(rejected.status()).as("the operator decides: %s", rejected).isEqualTo(200);
    }

    /**
     * The 提示函 of the demo September (units with four missed duty days, as EndToEndIT loads it; loaded here when
     * this class runs alone): a unit's key acknowledges its own letter, not another unit's.
     */
    @Test
    @Order(4)
    void aUnitAcknowledgesItsOwnLetterOnly() {
        ExpectedTotals september = DemoSeptember.loadAndClose(minxin).demo().expected();
        List<String> lettered = List.copyOf(september.reminderLetterUnits());
        assertThat(lettered).hasSizeGreaterThanOrEqualTo(2);
        String own = lettered.get(0);
        String other = lettered.get(1);
        String period = DemoMonth.DEFAULT_MONTH.toString();
        String unitKey = minxin.issueKey("e2e letter unit", "dashboard", "unit:" + own);
        await("the 提示函 of " + own + " in " + period)
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> letterUnits("api/v1/letters?period=" + period).containsAll(lettered));

        Response foreign =
                post("api/v1/letters/" + other + "/" + period + "/acknowledgement", unitKey, "{\"reply\":\"收到\"}");
        assertThat(foreign.status())
                .as("acknowledging %s's letter: %s", other, foreign)
                .isEqualTo(403);
        Response cityWide =
                post("api/v1/letters/" + own + "/" + period + "/acknowledgement", keys.get("dashboard"), "{}");
        assertThat(cityWide.status()).as("a dashboard of no unit: %s", cityWide).isEqualTo(403);
        Response acknowledged =
                post("api/v1/letters/" + own + "/" + period + "/acknowledgement", unitKey, "{\"reply\":\"收到，立即整改\"}");
        assertThat(acknowledged.status())
                .as("acknowledging its own: %s", acknowledged)
                .isEqualTo(201);

        List<String> unacknowledged = letterUnits("api/v1/letters?period=" + period + "&acknowledged=false");
        assertThat(unacknowledged).contains(other).doesNotContain(own);
        assertThat(gateway()
                        .get("api/v1/letters/" + own + "/" + period + ".docx", unitKey)
                        .status())
                .isEqualTo(200);
        assertThat(gateway()
                        .get("api/v1/letters/" + other + "/" + period + ".docx", unitKey)
                        .status())
                .isEqualTo(403);
    }

    private static List<String> letterUnits(String path) {
        Response letters = gateway().get(path, keys.get("operator"));
        assertThat(letters.status()).as("%s: %s", path, letters).isEqualTo(200);
        List<String> units = new ArrayList<>();
        Json.items(letters.json())
                .forEach(letter -> units.add(letter.path("unitId").asString()));
        return units;
    }

    private static Response post(String path, String apiKey, String json) {
        return gateway().post(path, apiKey, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(3)
    void anIssuedBulletinIsDistributedToEveryUnit() {
        Response issued = minxin.issueBulletin(MONTH);
        assertThat(issued.status()).as(issued.toString()).isIn(201, 409);

        assertThat(asUnitA("api/v1/bulletins/" + MONTH).path("status").asString())
                .isEqualTo("ISSUED");
        assertThat(gateway()
                        .get("api/v1/bulletins/" + MONTH + ".md", keys.get("unit A"))
                        .status())
                .isEqualTo(200);
    }
}
