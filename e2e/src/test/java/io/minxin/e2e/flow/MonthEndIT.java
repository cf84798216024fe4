package io.minxin.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.archive.ArchiveCommand;
import io.minxin.demo.DemoMonth;
import io.minxin.demo.DemoUnit;
import io.minxin.demo.ReferenceCases;
import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.Json;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.Service;
import io.minxin.e2e.support.TopicCopy;
import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Topics;
import io.minxin.events.Visited;
import io.minxin.events.identity.Role;
import io.minxin.events.state.Counts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The month-end with people in it (issue 16), on the seed month through the gateway, in a Minxin of its own whose
 * notice-service reviews every 较差件 candidate ({@code MINXIN_NOTICE_REVIEW_MODE=review}). Of the reference's five
 * candidates an operator confirms three with the reference's rulings and a fourth (619389) with one of its own,
 * dismisses 2796110 with a reason, and excludes one unsatisfied visit from 满意率; then edits the draft, closes the
 * month and issues the bulletin. Unit 城建中心 disputes its 较差件 619389 with a key of its own scope and the operator
 * upholds the dispute: the ranking gets a pending revision with its diff, and the bulletin a 更正 without the case.
 * Finally the topics of record ({@code case-events}, {@code decisions}) are copied into an empty Minxin, whose
 * notice-service renders the issued bulletin and its 更正 to the same DOCX bytes.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthEndIT {
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final Map<String, String> REVIEW_MODE = Map.of("MINXIN_NOTICE_REVIEW_MODE", "review");

    private static final String FOOD_SAFETY = ReferenceCases.FOOD_SAFETY.caseId();
    private static final String ELEVATOR = ReferenceCases.ELEVATOR.caseId();
    private static final String ROAD = ReferenceCases.ROAD.caseId();
    private static final String VILLAGE_HOUSING = ReferenceCases.VILLAGE_HOUSING.caseId();
    private static final String TAP_WATER = ReferenceCases.TAP_WATER.caseId();
    private static final DemoUnit DISPUTING = ReferenceCases.ROAD.unit();

    /** The rulings of the reference bulletin, in the bulletin's voice. */
    private static final Map<String, String> RULINGS = Map.of(
            FOOD_SAFETY, "该诉求实际问题为流动商贩问题，应由综合执法局处理",
            ELEVATOR, "物业问题应由属地街道协调",
            TAP_WATER, "作为属地街道应本着从对百姓生活负责的角度协调相关部门解决该问题");

    /**
     * The explanations as decided: the account the events give (the unit, its returns and their reasons) with the
     * ruling before the closing "目前该案件已由…结案。" (docs: the month-end plan's explanation rule).
     */
    private static final Map<String, String> EXPLANATIONS = Map.of(
            FOOD_SAFETY,
            "综合执法局以“无营业手续及食品安全问题均不在我局执法范围”为由退件，该诉求实际问题为流动商贩问题，应由综合执法局处理，目前该案件已由综合执法局结案。",
            ELEVATOR,
            "振兴街道三次均以“请分派至住建部门”为由退件，物业问题应由属地街道协调，目前该案件已由振兴街道结案。",
            TAP_WATER,
            "惠宾街道两次均以“经与村委会了解，供水井始终为一个井，水质问题请移交农业农村局检验”为由退件，" + "作为属地街道应本着从对百姓生活负责的角度协调相关部门解决该问题，目前该案件已由惠宾街道结案。");

    private static final String SIGNER = "李明";

    private static Minxin minxin;
    private static DemoMonth demo;
    private static Dashboard dashboard;
    private static String operator;
    private static String unitKey;
    private static UnsatisfiedVisit excluded;
    private static String disputeId;
    private static byte[] issuedDocx;

    /** The unsatisfied visit the operator excludes from 满意率: a case of one acceptance and no return. */
    private record UnsatisfiedVisit(String caseId, String unitId, Channel channel) {}

    @BeforeAll
    static void startAReviewingMinxinWithTheSeedMonth() {
        minxin = Minxin.startWith("monthend", REVIEW_MODE);
        demo = DemoMonth.generate();
        operator = minxin.keys().operator();
        dashboard = DemoLoad.dashboard(minxin);
        unitKey = minxin.issueKey("e2e 城建中心 liaison", "dashboard", "unit:" + DISPUTING.unitId());
        excluded = anUnsatisfiedVisit(demo);
        DemoLoad.feed(minxin).send(EventFeed.lines(demo.events(), null), DemoLoad.BATCH);
        DemoLoad.awaitOverview(dashboard, demo);
        DemoLoad.awaitRankingInputs(dashboard, demo);
    }

    @AfterAll
    static void stop() {
        if (minxin != null) {
            minxin.close();
        }
    }

    @Test
    @Order(1)
    void everyCandidateWaitsInTheReviewQueueAndNoneIsInTableThree() {
        await("the five candidates of " + month() + " in the review queue")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(reviewed("PENDING"))
                        .containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, ROAD, VILLAGE_HOUSING, TAP_WATER));

        assertThat(caseIds(draft().path("facts").path("poorCases"))).isEmpty();
        assertThat(ok(dashboard.noticesResponse("PUSHBACK_CONFIRMED", demo.month()))
                        .json())
                .as("no 较差件 is raised before an operator confirms it")
                .isEmpty();
    }

    @Test
    @Order(2)
    void operatorConfirmsFourCandidatesWithRulingsAndDismissesOne() {
        RULINGS.forEach((caseId, ruling) -> rule(caseId, "CONFIRMED", ruling, "与参考通报一致"));
        rule(ROAD, "CONFIRMED", "道路维修属城市建设和管理服务中心职责，应核实后办理", "三次退件理由均不成立");
        Response dismissed = rule(VILLAGE_HOUSING, "DISMISSED", null, "房屋改造名单确由兴海街道上报，退件理由成立");
        assertThat(dismissed.json().path("status").asString()).isEqualTo("DISMISSED");

        assertThat(reviewed("CONFIRMED")).containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, ROAD, TAP_WATER);
        assertThat(reviewed("DISMISSED")).containsExactly(VILLAGE_HOUSING);
        assertThat(reviewed("PENDING")).isEmpty();
        await("the 较差件 notices of the confirmed cases")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Set<String> raised = new TreeSet<>();
                    ok(dashboard.noticesResponse("PUSHBACK_CONFIRMED", demo.month()))
                            .json()
                            .forEach(notice -> raised.add(notice.path("caseId").asString()));
                    assertThat(raised).containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, ROAD, TAP_WATER);
                });
    }

    @Test
    @Order(3)
    void anUnsatisfiedVisitExcludedFromSatisfactionChangesItsUnitsRateExactly() {
        Counts counts = demo.expected().unit(excluded.unitId(), excluded.channel());
        double expected = (double) counts.satisfied() / (counts.visited() - 1);
        long pushbacksBeforeDismissal = demo.expected()
                .unit(ReferenceCases.VILLAGE_HOUSING.unit().unitId(), Channel.WEB)
                .pushbacks();

        Response exclusion = minxin.gateway()
                .post(
                        "api/v1/exclusions",
                        operator,
                        "application/json",
                        Json.body(Map.of(
                                "caseId",
                                excluded.caseId(),
                                "indicators",
                                List.of("satisfactionRate"),
                                "excluded",
                                true,
                                "reason",
                                "经审核，该诉求属无理诉求，回访不满意不计入满意率")));
        assertThat(exclusion.status()).as("exclusion: %s", exclusion).isEqualTo(201);

        await("满意率 of " + excluded.unitId() + " without the excluded visit; 2796110 no more counted")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode row = unitRow(excluded.unitId(), excluded.channel());
                    assertThat(row.path("rates").path("satisfactionRate").asDouble())
                            .isEqualTo(expected);
                    assertThat(row.path("counts").path("visited").asLong())
                            .as("the visit still happened")
                            .isEqualTo(counts.visited());
                    assertThat(unitRow(ReferenceCases.VILLAGE_HOUSING.unit().unitId(), Channel.WEB)
                                    .path("counts")
                                    .path("pushbacks")
                                    .asLong())
                            .isEqualTo(pushbacksBeforeDismissal - 1);
                });
        await("the live ranking row of " + excluded.unitId() + " lists the exclusion")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode row = rankingRow(excluded.unitId(), excluded.channel());
                    assertThat(row.path("inputs")
                                    .path("rates")
                                    .path("satisfactionRate")
                                    .asDouble())
                            .isEqualTo(expected);
                    assertThat(row.path("exclusions").toString()).contains(excluded.caseId());
                    assertThat(rankingRow(ReferenceCases.VILLAGE_HOUSING.unit().unitId(), Channel.WEB)
                                    .path("inputs")
                                    .path("counts")
                                    .path("pushbacks")
                                    .asLong())
                            .isEqualTo(pushbacksBeforeDismissal - 1);
                });
    }

    @Test
    @Order(4)
    void theDraftShowsTheDecisionsAndTheOperatorsEditsMarkedAsADraft() {
        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("signer", SIGNER);
        edit.put("explanations", Map.of(ROAD, ReferenceCases.ROAD.description()));
        Response edited = minxin.gateway()
                .send(
                        "PATCH",
                        "api/v1/bulletins/" + month() + "/draft",
                        Map.of(Api.KEY_HEADER, operator, "Content-Type", "application/json"),
                        Json.body(edit));
        assertThat(edited.status()).as("draft edit: %s", edited).isEqualTo(200);

        JsonNode facts = draft().path("facts");
        assertThat(caseIds(facts.path("poorCases"))).containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, ROAD, TAP_WATER);
        Map<String, String> explanations = explanations(facts);
        EXPLANATIONS.forEach((caseId, text) ->
                assertThat(explanations.get(caseId)).as(caseId).endsWith(text));
        assertThat(explanations.get(ROAD)).isEqualTo(ReferenceCases.ROAD.description());
        assertThat(facts.path("issue").path("signer").asString()).isEqualTo(SIGNER);

        Response preview = dashboard.get("api/v1/bulletins/" + month() + ".md");
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.text()).contains("草稿", SIGNER, ReferenceCases.ROAD.description());
        for (String format : List.of(".html", ".docx")) {
            Response other = dashboard.get("api/v1/bulletins/" + month() + format);
            assertThat(other.status()).as("preview %s: %s", format, other).isEqualTo(200);
        }
    }

    @Test
    @Order(5)
    void theOperatorClosesTheMonthAndIssuesTheBulletin() {
        Response close = minxin.gateway().post("api/v1/periods/" + month() + "/close", operator);
        assertThat(close.status()).as("close: %s", close).isEqualTo(200);

        Response issued = minxin.issueBulletin(month());
        assertThat(issued.status()).as("issue: %s", issued).isEqualTo(201);

        JsonNode view = ok(dashboard.get("api/v1/bulletins/" + month())).json();
        assertThat(view.path("status").asString()).isEqualTo("ISSUED");
        assertThat(caseIds(view.path("facts").path("poorCases")))
                .containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, ROAD, TAP_WATER);
        assertThat(ok(dashboard.get("api/v1/bulletins/" + month() + ".md")).text())
                .doesNotContain("草稿");
        issuedDocx = ok(dashboard.get("api/v1/bulletins/" + month() + "/revisions/0.docx"))
                .body();
        assertThat(ok(dashboard.get("api/v1/bulletins/" + month() + ".docx")).body())
                .isEqualTo(issuedDocx);
    }

    @Test
    @Order(6)
    void theUnitDisputesItsOwnCandidateAndTheOperatorUpholdsIt() {
        Response foreign = dispute(FOOD_SAFETY, unitKey);
        assertThat(foreign.status())
                .as("a dispute about another unit's case: %s", foreign)
                .isEqualTo(403);
        Response cityWide = dispute(ROAD, minxin.keys().dashboard());
        assertThat(cityWide.status())
                .as("a dispute by a dashboard key of no unit: %s", cityWide)
                .isEqualTo(403);

        Response filed = dispute(ROAD, unitKey);
        assertThat(filed.status()).as("dispute: %s", filed).isEqualTo(201);
        disputeId = filed.json().hasNonNull("disputeId")
                ? filed.json().path("disputeId").asString()
                : filed.json().path("id").asString();
        assertThat(disputeId).isNotBlank();
        assertThat(ok(minxin.gateway().get("api/v1/disputes/" + disputeId, unitKey))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("OPEN");

        Map<String, Object> decision = Map.of("accepted", true, "reason", "经核实，该路段养护单位为属地街道，退件理由成立");
        Response byDashboard = decide(minxin.keys().dashboard(), decision);
        assertThat(byDashboard.status())
                .as("a dashboard deciding: %s", byDashboard)
                .isEqualTo(403);
        Response upheld = decide(operator, decision);
        assertThat(upheld.status()).as("decision: %s", upheld).isEqualTo(200);

        assertThat(ok(minxin.gateway().get("api/v1/disputes/" + disputeId, unitKey))
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ACCEPTED");
        assertThat(reviewed("DISMISSED")).containsExactlyInAnyOrder(VILLAGE_HOUSING, ROAD);
        assertThat(reviewed("CONFIRMED")).containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, TAP_WATER);
    }

    @Test
    @Order(7)
    void theClosedRankingGetsAPendingRevisionWithTheDisputesDiff() {
        long pushbacks = demo.expected().unit(DISPUTING.unitId(), Channel.PHONE).pushbacks();

        JsonNode pending = await("a pending revision 2 of " + month() + " PHONE after the upheld dispute")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> revision(Channel.PHONE, 2), revision -> revision != null);

        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        assertThat(pending.path("diff").path("previousRevision").asInt()).isEqualTo(1);
        JsonNode change = null;
        for (JsonNode candidate : pending.path("diff").path("changes")) {
            if (candidate.path("unitId").asString().equals(DISPUTING.unitId())) {
                change = candidate;
            }
        }
        assertThat(change)
                .as("the diff names %s: %s", DISPUTING.unitId(), pending.path("diff"))
                .isNotNull();
        assertThat(change.path("previousInputs")
                        .path("counts")
                        .path("pushbacks")
                        .asLong())
                .isEqualTo(pushbacks);
        assertThat(change.path("inputs").path("counts").path("pushbacks").asLong())
                .isEqualTo(pushbacks - 1);
        assertThat(revision(Channel.PHONE, 1).path("status").asString()).isEqualTo("PUBLISHED");
        await("metrics-service's own table agrees (its views are up to 30 s old by design)")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(unitRow(DISPUTING.unitId(), Channel.PHONE)
                                .path("counts")
                                .path("pushbacks")
                                .asLong())
                        .isEqualTo(pushbacks - 1));

        Response published =
                minxin.gateway().post("api/v1/periods/" + month() + "/revisions/2/publish?channel=PHONE", operator);
        assertThat(published.status()).as("publish: %s", published).isEqualTo(200);
    }

    @Test
    @Order(8)
    void aNumberedCorrectionFollowsAndTheIssuedBulletinStaysAsIssued() {
        Response correction = minxin.gateway()
                .post(
                        "api/v1/bulletins/" + month() + "/corrections",
                        operator,
                        "application/json",
                        Json.body(Map.of("reason", "城建中心申诉成立，619389 不再列为较差件")));
        assertThat(correction.status()).as("更正: %s", correction).isEqualTo(201);

        List<Integer> revisions = new ArrayList<>();
        List<JsonNode> summaries = Json.items(
                ok(dashboard.get("api/v1/bulletins/" + month() + "/revisions")).json());
        summaries.forEach(revision -> revisions.add(revision.path("revision").asInt()));
        assertThat(revisions).containsExactly(0, 1);
        assertThat(summaries.get(1).path("changes").toString())
                .as("the 更正 says what changed")
                .contains(ROAD);

        JsonNode corrected = ok(dashboard.get("api/v1/bulletins/" + month())).json();
        assertThat(caseIds(corrected.path("facts").path("poorCases")))
                .containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, TAP_WATER);
        Map<String, String> explanations = explanations(corrected.path("facts"));
        EXPLANATIONS.forEach((caseId, text) ->
                assertThat(explanations.get(caseId)).as(caseId).endsWith(text));
        String correctionText = ok(dashboard.get("api/v1/bulletins/" + month() + "/revisions/1.md"))
                .text();
        assertThat(correctionText).contains("更正", ROAD);
        assertThat(correctionText.substring(correctionText.lastIndexOf("表三")))
                .as("table 3 of the corrected bulletin in full")
                .doesNotContain(ROAD)
                .contains(FOOD_SAFETY, ELEVATOR, TAP_WATER);
        assertThat(caseIds(ok(dashboard.get("api/v1/bulletins/" + month() + "/revisions/0"))
                        .json()
                        .path("facts")
                        .path("poorCases")))
                .containsExactlyInAnyOrder(FOOD_SAFETY, ELEVATOR, ROAD, TAP_WATER);
        assertThat(ok(dashboard.get("api/v1/bulletins/" + month() + "/revisions/0.docx"))
                        .body())
                .as("the issued DOCX is never overwritten")
                .isEqualTo(issuedDocx);
        assertThat(ok(dashboard.get("api/v1/bulletins/" + month() + ".docx")).body())
                .isEqualTo(ok(dashboard.get("api/v1/bulletins/" + month() + "/revisions/1.docx"))
                        .body());
    }

    @Test
    @Order(9)
    void replayingTheTopicsOfRecordIntoAnEmptySystemRendersTheSameBytes() {
        Map<String, byte[]> original = issuedDocuments();
        Map<Channel, JsonNode> units = new TreeMap<>();
        for (Channel channel : Channel.values()) {
            units.put(
                    channel,
                    ok(dashboard.unitsResponse(demo.month(), channel)).json().path("units"));
        }

        try (Minxin replay = Minxin.startOnly(
                "monthend-replay", REVIEW_MODE, EnumSet.of(Service.METRICS, Service.RANKING, Service.NOTICE))) {
            int events = TopicCopy.copy(Topics.CASE_EVENTS, minxin.kafkaBootstrap(), replay.kafkaBootstrap());
            int decisions = TopicCopy.copy(Topics.DECISIONS, minxin.kafkaBootstrap(), replay.kafkaBootstrap());
            assertThat(events).isEqualTo(demo.caseEvents().size());
            assertThat(decisions).isPositive();

            Api notice = replay.direct(Service.NOTICE, Role.DASHBOARD);
            Api metrics = replay.direct(Service.METRICS, Role.DASHBOARD);
            await("the replayed notice-service renders the issued bulletin and its 更正")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> original.forEach((document, bytes) -> {
                        Response replayed = notice.get("api/v1/bulletins/" + month() + "/" + document);
                        assertThat(replayed.status())
                                .as("%s: %s", document, replayed)
                                .isEqualTo(200);
                        assertThat(replayed.body()).as(document).isEqualTo(bytes);
                    }));
            await("the replayed metrics-service has the same unit tables, exclusion and dismissals included")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> units.forEach((channel, table) -> assertThat(
                                    ok(metrics.get("api/v1/units?period=" + month() + "&channel=" + channel))
                                            .json()
                                            .path("units"))
                            .as(channel.name())
                            .isEqualTo(table)));
        }
    }

    @Test
    @Order(10)
    void anArchiveOfTheMonthImportedIntoAnEmptySystemIssuesTheSameBulletinAndRanksTheUnitsTheSame(@TempDir Path work) {
        Map<String, byte[]> original = issuedDocuments();
        Map<Channel, JsonNode> ranked = new TreeMap<>();
        for (Channel channel : Channel.values()) {
            JsonNode latest = null;
            for (int n = 1; revision(channel, n) != null; n++) {
                latest = revision(channel, n);
            }
            assertThat(latest).as("a revision of %s %s", month(), channel).isNotNull();
            ranked.put(channel, latest);
        }
        Path archive = work.resolve("minxin-" + month());
        assertThat(archive(minxin.kafkaBootstrap(), "export", month(), archive.toString()))
                .isEqualTo(ArchiveCommand.OK);

        try (Minxin replay = Minxin.startOnly(
                "monthend-archive", REVIEW_MODE, EnumSet.of(Service.METRICS, Service.RANKING, Service.NOTICE))) {
            assertThat(archive(replay.kafkaBootstrap(), "import", archive.toString()))
                    .isEqualTo(ArchiveCommand.OK);

            Api notice = replay.direct(Service.NOTICE, Role.DASHBOARD);
            Api ranking = replay.direct(Service.RANKING, Role.DASHBOARD);
            await("the replayed notice-service issues the same bulletin and 更正, byte for byte")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> original.forEach((document, bytes) -> assertThat(
                                    ok(notice.get("api/v1/bulletins/" + month() + "/" + document))
                                            .body())
                            .as(document)
                            .isEqualTo(bytes)));
            await("the replayed ranking-service ranks every unit as the latest revision of the original")
                    .atMost(SETTLE)
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> ranked.forEach((channel, revision) -> {
                        JsonNode live = ok(ranking.get(
                                        "api/v1/rankings/" + month() + "?channel=" + channel + "&top=1000"))
                                .json();
                        assertThat(live.path("rows")).as("rows of %s", channel).isEqualTo(revision.path("rows"));
                        assertThat(live.path("notEligible"))
                                .as("units of %s not eligible", channel)
                                .isEqualTo(revision.path("notEligible"));
                    }));
        }
    }

    /** The issued bulletin and its 更正 as DOCX, by their path under the period's bulletin. */
    private static Map<String, byte[]> issuedDocuments() {
        Map<String, byte[]> documents = new TreeMap<>();
        for (String document : List.of("revisions/0.docx", "revisions/1.docx")) {
            documents.put(
                    document,
                    ok(dashboard.get("api/v1/bulletins/" + month() + "/" + document))
                            .body());
        }
        return documents;
    }

    /** Runs the archive command against {@code bootstrap}, as {@code java -jar archive.jar …} would; its exit code. */
    private static int archive(String bootstrap, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ArchiveCommand.run(
                List.of(args),
                Map.of(ArchiveCommand.BOOTSTRAP, bootstrap),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        LoggerFactory.getLogger(MonthEndIT.class).info("archive {}: {}", args[0], out.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static Response rule(String caseId, String verdict, String ruling, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verdict", verdict);
        if (ruling != null) {
            body.put("ruling", ruling);
        }
        body.put("reason", reason);
        Response response = minxin.gateway()
                .post("api/v1/reviews/" + caseId + "/ruling", operator, "application/json", Json.body(body));
        assertThat(response.status())
                .as("ruling %s %s: %s", verdict, caseId, response)
                .isEqualTo(200);
        return response;
    }

    private static Response dispute(String caseId, String key) {
        return minxin.gateway()
                .post(
                        "api/v1/disputes",
                        key,
                        "application/json",
                        Json.body(Map.of("caseId", caseId, "subject", "PUSHBACK", "reason", "该路段不在我中心养护范围，三次退件均有依据")));
    }

    private static Response decide(String key, Map<String, Object> decision) {
        return minxin.gateway()
                .post("api/v1/disputes/" + disputeId + "/decision", key, "application/json", Json.body(decision));
    }

    /** The case ids of the review queue with {@code status}. */
    private static List<String> reviewed(String status) {
        Response queue = minxin.gateway().get("api/v1/reviews?period=" + month() + "&status=" + status, operator);
        List<String> caseIds = new ArrayList<>();
        Json.items(ok(queue).json())
                .forEach(item -> caseIds.add(item.path("caseId").asString()));
        return caseIds;
    }

    private static JsonNode draft() {
        JsonNode view = ok(dashboard.get("api/v1/bulletins/" + month())).json();
        assertThat(view.path("status").asString()).isEqualTo("DRAFT");
        return view;
    }

    private static List<String> caseIds(JsonNode poorCases) {
        List<String> ids = new ArrayList<>();
        poorCases.forEach(row -> ids.add(row.path("caseId").asString()));
        return ids;
    }

    /** The explanations of table 3 by case id (the facts list them in the order of its rows). */
    private static Map<String, String> explanations(JsonNode facts) {
        List<String> ids = caseIds(facts.path("poorCases"));
        JsonNode texts = facts.path("explanations");
        assertThat(texts.size())
                .as("one explanation per row of table 3: %s", facts)
                .isEqualTo(ids.size());
        Map<String, String> explanations = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            explanations.put(ids.get(i), texts.get(i).asString());
        }
        return explanations;
    }

    private static JsonNode unitRow(String unitId, Channel channel) {
        return row(ok(dashboard.unitsResponse(demo.month(), channel)).json().path("units"), unitId);
    }

    private static JsonNode rankingRow(String unitId, Channel channel) {
        return row(
                ok(dashboard.rankingResponse(demo.month(), channel, 1000))
                        .json()
                        .path("rows"),
                unitId);
    }

    private static JsonNode row(JsonNode rows, String unitId) {
        for (JsonNode row : rows) {
            if (row.path("unitId").asString().equals(unitId)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + unitId + " in " + rows);
    }

    /** Revision {@code n} of the period's ranking of {@code channel}, or null while there is none. */
    private static JsonNode revision(Channel channel, int n) {
        Response revisions =
                minxin.gateway().get("api/v1/rankings/" + month() + "/revisions?channel=" + channel, operator);
        for (JsonNode revision : Json.items(ok(revisions).json())) {
            if (revision.path("revision").asInt() == n) {
                return revision;
            }
        }
        return null;
    }

    /**
     * The case of an unsatisfied visit of the demo month whose story is simplest (one acceptance, no return, not a
     * reference case), the lowest such case id, so every run excludes the same one.
     */
    private static UnsatisfiedVisit anUnsatisfiedVisit(DemoMonth month) {
        Map<String, List<CaseEvent>> byCase = new TreeMap<>();
        month.caseEvents()
                .forEach(event -> byCase.computeIfAbsent(event.key(), id -> new ArrayList<>())
                        .add(event));
        Predicate<CaseEvent> unsatisfied =
                event -> event.data() instanceof Visited visit && visit.satisfaction() == Satisfaction.UNSATISFIED;
        for (Map.Entry<String, List<CaseEvent>> entry : byCase.entrySet()) {
            List<CaseEvent> events = entry.getValue();
            List<Accepted> acceptances = events.stream()
                    .filter(event -> event.data() instanceof Accepted)
                    .map(event -> (Accepted) event.data())
                    .toList();
            boolean returned = events.stream().anyMatch(event -> event.data() instanceof Returned);
            if (acceptances.size() == 1
                    && !returned
                    && events.stream().anyMatch(unsatisfied)
                    && ReferenceCases.byId(entry.getKey()).isEmpty()) {
                Accepted accepted = acceptances.get(0);
                return new UnsatisfiedVisit(entry.getKey(), accepted.unitId(), accepted.channel());
            }
        }
        throw new IllegalStateException("the demo month has no unsatisfied visit of a simple case");
    }

    private static Response ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private static String month() {
        return demo.month().toString();
    }
}
