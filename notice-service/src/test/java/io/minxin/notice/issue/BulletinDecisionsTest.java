package io.minxin.notice.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.minxin.events.UnitRegistered;
import io.minxin.events.decision.BulletinEdited;
import io.minxin.events.decision.Decision;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.notice.bulletin.BulletinChanges;
import io.minxin.notice.bulletin.BulletinComposer;
import io.minxin.notice.bulletin.BulletinFacts;
import io.minxin.notice.bulletin.BulletinProperties;
import io.minxin.notice.bulletin.BulletinRenderer;
import io.minxin.notice.bulletin.BulletinTexts;
import io.minxin.notice.decisions.DecisionLog;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.notices.Notices;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.identity.CallerArgumentResolver;
import io.minxin.servicekit.identity.TestIdentity;
import io.minxin.servicekit.problem.ProblemAdviceSupport;
import io.minxin.servicekit.registry.UnitRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bulletin as decisions through its API: edits, issue and 更正 are decisions; the projections replayed from
 * them in any order, twice, render the same bytes; edits are validated field by field; what is issued stays.
 */
class BulletinDecisionsTest {
    private static final Instant START = Instant.parse("2020-10-28T02:00:00Z");
    private static final Caller OPERATOR = new Caller("op-1", Role.OPERATOR, Scope.ALL);

    @RestControllerAdvice
    static class Problems extends ProblemAdviceSupport {}

    private final List<InMemoryMongo> mongos = new ArrayList<>();
    private final List<Decision> recorded = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> secondPoorUnit = new AtomicReference<>("振兴街道");
    private final AtomicLong seconds = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            // every reading a second later, so decisions are ordered as taken
            return START.plusSeconds(seconds.incrementAndGet());
        }
    };

    private BulletinIssues issues;
    private BulletinDrafts drafts;
    private BulletinIssuing issuing;
    private WebTestClient web;

    /** 双台子区 has an issuer of its own; 兴隆台区 has none, so it is issued by the platform's issuer. */
    private static final BulletinProperties SETTINGS = new BulletinProperties(
            null,
            null,
            Map.of(
                    "211102",
                    new BulletinProperties.JurisdictionIssuer(
                            null, "盘锦市双台子区营商环境建设局文件", "区营商环境建设局", "双营商督字", "张双", null, null, null)));

    @BeforeEach
    void service() {
        InMemoryMongo mongo = mongo();
        issues = new BulletinIssues(mongo.database(), new IssueSettings(1, 1));
        drafts = new BulletinDrafts(mongo.database());
        BulletinFactsSource source = mock(BulletinFactsSource.class);
        when(source.requireData(any())).thenReturn(Mono.empty());
        when(source.issuer()).thenReturn(BulletinProperties.Issuer.reference());
        when(source.rankingPending(any())).thenReturn(Mono.just(false));
        when(source.facts(any(), any()))
                .thenAnswer(call -> Mono.just(TestFacts.facts(call.getArgument(1), secondPoorUnit.get())));
        // a jurisdiction's facts name it in table 3, so a test sees whose facts a bulletin was made of
        when(source.facts(any(), any(), any()))
                .thenAnswer(call -> Mono.just(TestFacts.facts(call.getArgument(1), "单位" + call.getArgument(2))));
        when(source.issue(any(), any(), anyInt(), anyInt(), anyInt(), any())).thenAnswer(call -> {
            String jurisdiction = call.getArgument(1);
            String name = jurisdiction.equals("211102") ? "双台子区" : "兴隆台区";
            return SETTINGS.issuer(jurisdiction)
                    .issue(
                            call.getArgument(2),
                            call.getArgument(3),
                            call.getArgument(4),
                            call.getArgument(5),
                            SETTINGS.title(jurisdiction, name));
        });
        DecisionLog log = mock(DecisionLog.class);
        when(log.decide(any(), any(), any(), any())).thenAnswer(call -> {
            Caller caller = call.getArgument(0);
            return new Decision(
                    UUID.randomUUID().toString(),
                    call.getArgument(1),
                    caller.keyId(),
                    caller.role().wireName(),
                    clock.instant(),
                    call.getArgument(2),
                    call.getArgument(3));
        });
        when(log.record(any(Decision.class))).thenAnswer(call -> {
            Decision decision = call.getArgument(0);
            recorded.add(decision);
            return apply(issues, drafts, decision).thenReturn(decision);
        });
        Notices notices = mock(Notices.class);
        when(notices.emit(any())).thenReturn(Mono.just(true));
        AuditTrail audit = new AuditTrail("notice-service", clock, entry -> true, () -> {});
        issuing = new BulletinIssuing(
                source,
                issues,
                drafts,
                BulletinComposer.withDefaultTexts(),
                new BulletinChanges(BulletinTexts.defaults()),
                log,
                notices,
                audit,
                clock,
                registry());
        web = client(OPERATOR);
    }

    private WebTestClient client(Caller caller) {
        return WebTestClient.bindToController(new BulletinController(issuing, new BulletinRenderer()))
                .controllerAdvice(new Problems())
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(new CallerArgumentResolver()))
                .webFilter(TestIdentity.signedIn(caller))
                .build();
    }

    private UnitRegistry registry() {
        UnitRegistry registry = new UnitRegistry(clock);
        Instant from = Instant.parse("2020-01-01T00:00:00Z");
        registry.register(new UnitRegistered("xlt-road", "路政所", "211103", "兴隆台区", from));
        registry.register(new UnitRegistered("stz-water", "供水所", "211102", "双台子区", from));
        return registry;
    }

    @AfterEach
    void stop() {
        mongos.forEach(InMemoryMongo::close);
    }

    @Test
    void givenEditsAnIssueAndACorrectionWhenTheDecisionsAreReplayedInAnyOrderTwiceThenEveryRevisionHasTheSameBytes() {
        patch(Map.of("signer", "李明", "explanations", Map.of("625810", "物业问题应由属地街道协调。")))
                .expectStatus()
                .isOk();
        web.post()
                .uri("/api/v1/bulletins/2020-09/issue")
                .exchange()
                .expectStatus()
                .isCreated();
        patch(Map.of("sendTo", List.of("区纪委监委"))).expectStatus().isOk();
        secondPoorUnit.set("兴隆街道");
        correct("表三第 2 行办理部门有误").expectStatus().isCreated();

        List<byte[]> issued = List.of(docx(issuing, issues, 0), docx(issuing, issues, 1));
        assertThat(recorded).hasSize(4);
        Random random = new Random(8890);
        for (int replay = 0; replay < 3; replay++) {
            List<Decision> decisions = new ArrayList<>(recorded);
            decisions.addAll(recorded);
            Collections.shuffle(decisions, random);
            InMemoryMongo empty = mongo();
            BulletinIssues replayedIssues = new BulletinIssues(empty.database(), new IssueSettings(1, 1));
            BulletinDrafts replayedDrafts = new BulletinDrafts(empty.database());
            Flux.fromIterable(decisions)
                    .concatMap(decision -> apply(replayedIssues, replayedDrafts, decision))
                    .blockLast();

            assertThat(docx(issuing, replayedIssues, 0)).isEqualTo(issued.get(0));
            assertThat(docx(issuing, replayedIssues, 1)).isEqualTo(issued.get(1));
            // the counters continue after the numbers the decisions carry
            assertThat(replayedIssues.peekNumber(2020).block()).isEqualTo(3);
            assertThat(replayedIssues.peekSequence().block()).isEqualTo(2);
        }
    }

    @Test
    void givenAnIssuedBulletinThenACorrectionSaysWhatChangedAndNothingIssuedIsOverwritten() {
        web.post()
                .uri("/api/v1/bulletins/2020-09/issue")
                .exchange()
                .expectStatus()
                .isCreated();
        secondPoorUnit.set("兴隆街道");
        patch(Map.of("signer", "李明")).expectStatus().isOk();

        correct("表三第 2 行办理部门有误")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/bulletins/2020-09/revisions/1")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ISSUED")
                .jsonPath("$.revision")
                .isEqualTo(1)
                .jsonPath("$.documentNumber")
                .isEqualTo("兴隆营商督字〔2020〕2号")
                .jsonPath("$.reason")
                .isEqualTo("表三第 2 行办理部门有误")
                .jsonPath("$.changes")
                .value(changes -> assertThat((List<Object>) changes)
                        .containsExactly("签发人由“王兴江”改为“李明”。", "表三“625810”一行的办理部门由“振兴街道”改为“兴隆街道”。"));

        web.get()
                .uri("/api/v1/bulletins/2020-09")
                .exchange()
                .expectBody()
                .jsonPath("$.revision")
                .isEqualTo(1);
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions")
                .exchange()
                .expectBody()
                .jsonPath("$[*].documentNumber")
                .value(numbers ->
                        assertThat((List<Object>) numbers).containsExactly("兴隆营商督字〔2020〕1号", "兴隆营商督字〔2020〕2号"));
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions/0")
                .exchange()
                .expectBody()
                .jsonPath("$.facts.poorCases[1].unitName")
                .isEqualTo("振兴街道")
                .jsonPath("$.facts.issue.signer")
                .isEqualTo("王兴江");
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions/1.md")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(md -> assertThat(md)
                        .contains("关于《兴隆台区 8890（民心网）工作 “评优评差”情况通报》的更正")
                        .contains("1. 签发人由“王兴江”改为“李明”。"));
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions/2.docx")
                .exchange()
                .expectStatus()
                .isNotFound();

        correct("再次更正").expectStatus().isEqualTo(409);
    }

    @Test
    void givenNoIssueThenACorrectionIsAConflictAndWithoutAReasonInvalid() {
        correct("表三有误").expectStatus().isEqualTo(409);
        web.post()
                .uri("/api/v1/bulletins/2020-09/corrections")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", " "))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("reason");
    }

    @Test
    void givenBadEditsThenEachViolationNamesItsField() {
        patch(Map.of(
                        "signer",
                        " ",
                        "number",
                        0,
                        "issueDate",
                        "2020-08-31",
                        "sendTo",
                        List.of("区纪委监委", ""),
                        "explanations",
                        Map.of("999999", "不是表三的案件")))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.violations[*].field")
                .value(fields -> assertThat((List<Object>) fields)
                        .containsExactlyInAnyOrder(
                                "signer", "number", "issueDate", "sendTo[1]", "explanations.999999"));
        patch(Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.violations[0].field")
                .isEqualTo("body");
        assertThat(recorded).isEmpty();
    }

    @Test
    void givenAnEditThenTheDraftShowsItAndWhoMadeItAndEveryPageIsMarkedDraft() {
        patch(Map.of("signer", "李明", "requirements", List.of("各单位按时登录。")))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT")
                .jsonPath("$.facts.issue.signer")
                .isEqualTo("李明")
                .jsonPath("$.edits.signer.by")
                .isEqualTo("op-1")
                .jsonPath("$.edits.requirements.decision")
                .isEqualTo(recorded.get(0).id());

        web.get()
                .uri("/api/v1/bulletins/2020-09.md")
                .exchange()
                .expectBody(String.class)
                .value(md -> assertThat(md).startsWith("> **草稿（未印发）**").contains("1. 各单位按时登录。"));
        web.get()
                .uri("/api/v1/bulletins/2020-09/draft.html")
                .exchange()
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("class=\"draft-mark\""));
    }

    @Test
    void givenAnIssuedBulletinThenItsNumbersCannotBeEditedButOtherFieldsGoIntoTheNextCorrection() {
        web.post()
                .uri("/api/v1/bulletins/2020-09/issue")
                .exchange()
                .expectStatus()
                .isCreated();

        patch(Map.of("number", 9)).expectStatus().isEqualTo(409);
        patch(Map.of("signer", "李明"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT")
                .jsonPath("$.revision")
                .isEqualTo(1)
                .jsonPath("$.changes[0]")
                .isEqualTo("签发人由“王兴江”改为“李明”。");
        web.get()
                .uri("/api/v1/bulletins/2020-09")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ISSUED")
                .jsonPath("$.facts.issue.signer")
                .isEqualTo("王兴江");
        web.post()
                .uri("/api/v1/bulletins/2020-09/issue")
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }

    @Test
    void
            givenTwoJurisdictionsWhenEachIssuesThenEachIsTheFirstOfItsOwnSeriesUnderItsOwnIssuerAndThePlatformsIsUntouched() {
        issue("211102")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/bulletins/2020-09?jurisdiction=211102")
                .expectBody()
                .jsonPath("$.jurisdiction")
                .isEqualTo("211102")
                .jsonPath("$.documentNumber")
                .isEqualTo("双营商督字〔2020〕1号")
                .jsonPath("$.facts.issue.sequence")
                .isEqualTo(1)
                .jsonPath("$.facts.issue.signer")
                .isEqualTo("张双")
                .jsonPath("$.facts.poorCases[1].unitName")
                .isEqualTo("单位211102");
        // 兴隆台区 has no issuer of its own: the platform's, with a title naming the district
        issue("211103")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.documentNumber")
                .isEqualTo("兴隆营商督字〔2020〕1号")
                .jsonPath("$.facts.issue.sequence")
                .isEqualTo(1)
                .jsonPath("$.facts.issue.title")
                .isEqualTo("兴隆台区 8890（民心网）工作 “评优评差”情况通报");
        issue("211102").expectStatus().isEqualTo(409);

        web.get()
                .uri("/api/v1/bulletins/2020-09")
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("DRAFT")
                .jsonPath("$.documentNumber")
                .isEqualTo("兴隆营商督字〔2020〕1号")
                .jsonPath("$.facts.issue.sequence")
                .isEqualTo(1);
        web.get()
                .uri("/api/v1/bulletins/2020-09.md?jurisdiction=211102")
                .exchange()
                .expectBody(String.class)
                .value(md -> assertThat(md)
                        .contains("盘锦市双台子区营商环境建设局文件")
                        .contains("双台子区 8890（民心网）工作 “评优评差”情况通报")
                        .doesNotContain("草稿"));
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions?jurisdiction=211103")
                .exchange()
                .expectBody()
                .jsonPath("$[0].jurisdiction")
                .isEqualTo("211103");
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions")
                .exchange()
                .expectBody()
                .json("[]");

        assertThat(recorded)
                .extracting(decision -> decision.body().key())
                .containsExactly("bulletin|2020-09|211102", "bulletin|2020-09|211103");
        // a replay numbers on from the decisions, each jurisdiction apart
        InMemoryMongo empty = mongo();
        BulletinIssues replayed = new BulletinIssues(empty.database(), new IssueSettings(1, 1));
        Flux.fromIterable(recorded)
                .concatMap(decision -> apply(replayed, new BulletinDrafts(empty.database()), decision))
                .blockLast();
        assertThat(replayed.peekSequence("211102").block()).isEqualTo(2);
        assertThat(replayed.peekNumber("211103", 2020).block()).isEqualTo(2);
        assertThat(replayed.peekSequence().block()).isEqualTo(1);
        assertThat(replayed.revision("2020-09", "211102", 0).block())
                .extracting(IssuedRevision::documentNumber)
                .isEqualTo("双营商督字〔2020〕1号");
    }

    @Test
    void givenAnEditOfOneJurisdictionsDraftThenOnlyThatDraftShowsItAndItIsCorrectedApart() {
        web.patch()
                .uri("/api/v1/bulletins/2020-09/draft?jurisdiction=211103")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("signer", "李明"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.facts.issue.signer")
                .isEqualTo("李明")
                .jsonPath("$.jurisdiction")
                .isEqualTo("211103");
        assertThat(((BulletinEdited) recorded.get(0).body()).jurisdiction()).isEqualTo("211103");

        for (String other :
                List.of("/api/v1/bulletins/2020-09/draft", "/api/v1/bulletins/2020-09/draft?jurisdiction=211102")) {
            web.get()
                    .uri(other)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.facts.issue.signer")
                    .value(signer -> assertThat(signer).isNotEqualTo("李明"));
        }

        issue("211103").expectStatus().isCreated();
        web.patch()
                .uri("/api/v1/bulletins/2020-09/draft?jurisdiction=211103")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("signer", "王明"))
                .exchange()
                .expectStatus()
                .isOk();
        correct("签发人有误").expectStatus().isEqualTo(409);
        web.post()
                .uri("/api/v1/bulletins/2020-09/corrections?jurisdiction=211103")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "签发人有误"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/bulletins/2020-09/revisions/1?jurisdiction=211103")
                .expectBody()
                .jsonPath("$.changes[0]")
                .isEqualTo("签发人由“李明”改为“王明”。");
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions/1.md?jurisdiction=211103")
                .exchange()
                .expectStatus()
                .isOk();
        web.get()
                .uri("/api/v1/bulletins/2020-09/revisions/1.md")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void givenAJurisdictionNoUnitIsRegisteredInThenEveryBulletinEndpointAnswersNotFound() {
        for (String path : List.of(
                "/api/v1/bulletins/2020-09?jurisdiction=211199",
                "/api/v1/bulletins/2020-09.docx?jurisdiction=211199",
                "/api/v1/bulletins/2020-09/draft.html?jurisdiction=211199",
                "/api/v1/bulletins/2020-09/revisions?jurisdiction=211199",
                "/api/v1/bulletins/2020-09/revisions/0.md?jurisdiction=211199")) {
            web.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("no unit is registered in jurisdiction 211199");
        }
        issue("211199").expectStatus().isNotFound();
        assertThat(recorded).isEmpty();
    }

    @Test
    void givenAJurisdictionScopedCallerThenItDraftsAndIssuesItsOwnBulletinOnlyAndUnitsReadTheirDistrictsWhenIssued() {
        WebTestClient district = client(new Caller("op-stz", Role.OPERATOR, Scope.jurisdiction("211102")));
        district.get()
                .uri("/api/v1/bulletins/2020-09/draft.md?jurisdiction=211102")
                .exchange()
                .expectStatus()
                .isOk();
        for (String other : List.of(
                "/api/v1/bulletins/2020-09/draft?jurisdiction=211103",
                "/api/v1/bulletins/2020-09.md?jurisdiction=211103",
                "/api/v1/bulletins/2020-09/revisions?jurisdiction=211199",
                "/api/v1/bulletins/2020-09/draft")) {
            district.get()
                    .uri(other)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        district.post()
                .uri("/api/v1/bulletins/2020-09/issue")
                .exchange()
                .expectStatus()
                .isForbidden();
        district.post()
                .uri("/api/v1/bulletins/2020-09/issue?jurisdiction=211103")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(recorded).isEmpty();

        WebTestClient water = client(new Caller("dash-water", Role.DASHBOARD, Scope.unit("stz-water")));
        WebTestClient road = client(new Caller("dash-road", Role.DASHBOARD, Scope.unit("xlt-road")));
        water.get()
                .uri("/api/v1/bulletins/2020-09?jurisdiction=211102")
                .exchange()
                .expectStatus()
                .isForbidden();
        district.post()
                .uri("/api/v1/bulletins/2020-09/issue?jurisdiction=211102")
                .exchange()
                .expectStatus()
                .isCreated();
        water.get()
                .uri("/api/v1/bulletins/2020-09.docx?jurisdiction=211102")
                .exchange()
                .expectStatus()
                .isOk();
        road.get()
                .uri("/api/v1/bulletins/2020-09?jurisdiction=211102")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private WebTestClient.ResponseSpec issue(String jurisdiction) {
        return web.post()
                .uri("/api/v1/bulletins/2020-09/issue?jurisdiction=" + jurisdiction)
                .exchange();
    }

    private WebTestClient.ResponseSpec patch(Map<String, Object> body) {
        return web.patch()
                .uri("/api/v1/bulletins/2020-09/draft")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec correct(String reason) {
        return web.post()
                .uri("/api/v1/bulletins/2020-09/corrections")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason))
                .exchange();
    }

    private static Mono<Void> apply(BulletinIssues issues, BulletinDrafts drafts, Decision decision) {
        return issues.apply(decision).then(drafts.apply(decision));
    }

    private static byte[] docx(BulletinIssuing issuing, BulletinIssues issues, int revision) {
        IssuedRevision issued = issues.revision("2020-09", revision).block();
        assertThat(issued).as("revision " + revision).isNotNull();
        assertThat(issued.document().facts()).isInstanceOf(BulletinFacts.class);
        return new BulletinRenderer().docx(issuing.render(issued));
    }

    private InMemoryMongo mongo() {
        InMemoryMongo mongo = new InMemoryMongo();
        mongos.add(mongo);
        return mongo;
    }
}
