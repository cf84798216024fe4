package io.minxin.ranking.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.audit.AuditEntry;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.events.problem.FieldViolation;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.Rate;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A jurisdiction's own policies: versions and effective dates per jurisdiction and channel, the platform's policy
 * where a jurisdiction has none in force, who may change which, and the audit of a change.
 */
class JurisdictionPoliciesTest {
    private static final String XLT = "211103";
    private static final String STZ = "211102";
    private static final Instant STORED_FIRST = Instant.parse("2024-03-10T00:00:00Z");
    private static final Instant STORED_SECOND = Instant.parse("2024-05-10T00:00:00Z");
    private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    private static final Caller OPERATOR = new Caller("op-key", Role.OPERATOR, Scope.ALL);

    private final PolicyStore store = mock(PolicyStore.class);
    private final List<AuditEntry> audited = new ArrayList<>();
    private final Policies policies = new Policies(
            store,
            new PolicyDefaults(Map.of()),
            new AuditTrail("ranking-service", Clock.fixed(NOW, ZoneOffset.UTC), audited::add, () -> {}),
            Clock.fixed(NOW, ZoneOffset.UTC));

    /** The platform's web versions 1 (from 2000-01) and 2 (from 2024-01); 兴隆台区's 1 (from 2024-04) and 2 (2024-06). */
    JurisdictionPoliciesTest() {
        when(store.versions(anyString(), any())).thenReturn(Flux.empty());
        Flux<RankingPolicy> platform = Flux.just(
                byCompletion("2000-01").asVersion(Channel.WEB, 1, STORED_FIRST),
                byCompletion("2024-01").asVersion(Channel.WEB, 2, STORED_FIRST));
        when(store.versions(Channel.WEB)).thenReturn(platform);
        when(store.versions(isNull(), any())).thenReturn(platform);
        when(store.versions(XLT, Channel.WEB))
                .thenReturn(Flux.just(
                        byOnTime("2024-04").asVersion(Channel.WEB, XLT, 1, STORED_FIRST),
                        byOnTime("2024-06").asVersion(Channel.WEB, XLT, 2, STORED_SECOND)));
        when(store.insert(any(), any())).thenAnswer(call -> Mono.just(call.getArgument(1)));
    }

    @Test
    void givenAJurisdictionWithVersionsOfItsOwn_whenAPeriodIsRanked_thenItsVersionInForceRanksItElseThePlatforms() {
        assertThat(named(policies.effective(XLT, Channel.WEB, "2024-03"))).isEqualTo("web-ranking v2");
        assertThat(named(policies.effective(XLT, Channel.WEB, "2024-05"))).isEqualTo("web-ranking@211103 v1");
        assertThat(named(policies.effective(XLT, Channel.WEB, "2024-07"))).isEqualTo("web-ranking@211103 v2");
        // a jurisdiction without policies of its own, and the platform, are ranked under the platform's
        assertThat(named(policies.effective(STZ, Channel.WEB, "2024-07"))).isEqualTo("web-ranking v2");
        assertThat(named(policies.effective(null, Channel.WEB, "2024-07"))).isEqualTo("web-ranking v2");
        assertThat(named(policies.effective(Channel.WEB, "2024-07"))).isEqualTo("web-ranking v2");
        // and its own only, where it has none in force
        assertThat(policies.own(XLT, Channel.WEB, "2024-03", null).blockOptional())
                .isEmpty();
    }

    @Test
    void givenAVersionStoredAfterARevisionWasFrozen_whenTheRevisionIsViewed_thenTheVersionStoredBeforeStands() {
        Instant frozenBetween = STORED_SECOND.minusSeconds(1);

        assertThat(named(policies.own(XLT, Channel.WEB, "2024-07", frozenBetween)))
                .isEqualTo("web-ranking@211103 v1");
        assertThat(named(policies.own(XLT, Channel.WEB, "2024-07", STORED_SECOND)))
                .isEqualTo("web-ranking@211103 v2");
        // frozen before the jurisdiction stored any: the platform's ranking stands
        assertThat(policies.own(XLT, Channel.WEB, "2024-07", STORED_FIRST.minusSeconds(1))
                        .blockOptional())
                .isEmpty();
    }

    @Test
    void givenAJurisdictionWithoutVersions_whenItStoresOne_thenItIsItsVersionOneAuditedUnderATargetNamingIt() {
        RankingPolicy stored =
                policies.replace(STZ, Channel.WEB, body(STZ), OPERATOR).block();

        assertThat(stored.id()).isEqualTo("web-ranking@211102");
        assertThat(stored.version()).isEqualTo(1);
        verify(store).insert(STZ, stored);
        assertThat(stored.createdAt()).isEqualTo(NOW);
        // numbered on its own: the platform's version 2 is neither replaced nor renumbered, nor its default stored
        verify(store, never()).versions(Channel.WEB);
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("policy.change");
            assertThat(entry.target()).isEqualTo("policy:web-ranking@211102");
            assertThat(entry.change().get("jurisdiction").asString()).isEqualTo(STZ);
            assertThat(entry.change().has("previousVersion")).isFalse();
        });
    }

    @Test
    void givenAJurisdictionWithVersions_whenItStoresAnother_thenItIsNumberedAfterItsOwn() {
        RankingPolicy stored =
                policies.replace(XLT, Channel.WEB, body(null), OPERATOR).block();

        assertThat(stored.version()).isEqualTo(3);
        assertThat(audited.get(0).summary()).startsWith("stored web-ranking@211103 version 3");
        assertThat(audited.get(0).change().get("previousVersion").asInt()).isEqualTo(2);
    }

    @Test
    void givenABodyNamingAnotherOwner_whenStored_thenRefusedNamingTheFieldJurisdiction() {
        assertThatThrownBy(() ->
                        policies.replace(null, Channel.WEB, body(XLT), OPERATOR).block())
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.violations())
                            .extracting(FieldViolation::field)
                            .containsExactly("jurisdiction");
                    assertThat(problem.violations().get(0).message()).contains("?jurisdiction=211103");
                });
        assertThat(PolicyReader.read(body(XLT), Channel.WEB, STZ, PolicyReader.Purpose.STORE)
                        .violations())
                .extracting(FieldViolation::field, FieldViolation::message)
                .containsExactly(org.assertj.core.api.Assertions.tuple(
                        "jurisdiction", "is '211103' but the request names jurisdiction 211102"));
        assertThat(audited).isEmpty();
    }

    @Test
    void givenTheJsonOfAStoredVersion_whenSentBackForTheSameJurisdiction_thenItReadsAsThatJurisdictionsPolicy() {
        RankingPolicy stored = byOnTime("2024-04").asVersion(Channel.WEB, XLT, 1, STORED_FIRST);
        JsonNode shown = EventJson.mapper().valueToTree(PolicyAnswer.of(stored, XLT));

        PolicyReader.Result again = PolicyReader.read(shown, Channel.WEB, XLT, PolicyReader.Purpose.STORE);

        assertThat(shown.get("jurisdiction").asString()).isEqualTo(XLT);
        assertThat(shown.get("id").asString()).isEqualTo("web-ranking@211103");
        assertThat(again.violations()).isEmpty();
        assertThat(again.policy().asVersion(Channel.WEB, XLT, 1, STORED_FIRST)).isEqualTo(stored);
        // the platform's version, also when it answers for a jurisdiction without its own, reads as before
        RankingPolicy platform = byCompletion("2000-01").asVersion(Channel.WEB, 1, STORED_FIRST);
        JsonNode platformShown = EventJson.mapper().valueToTree(PolicyAnswer.of(platform, STZ));
        assertThat(platformShown).isEqualTo((JsonNode) EventJson.mapper().valueToTree(platform));
    }

    @Test
    void givenEachScope_whenAPolicyIsChanged_thenOnlyAnUnscopedOperatorOrThatJurisdictionsMayChangeIt() {
        PolicyScope.requireChangeable(Scope.ALL, null);
        PolicyScope.requireChangeable(Scope.ALL, XLT);
        PolicyScope.requireChangeable(Scope.jurisdiction(XLT), XLT);

        assertForbidden(Scope.jurisdiction(XLT), STZ, "the policies of jurisdiction 211102");
        assertForbidden(Scope.jurisdiction(XLT), null, "the platform's policies");
        assertForbidden(Scope.unit("xlt-huibin"), XLT, "the policies of jurisdiction 211103");
        assertForbidden(Scope.unit("xlt-huibin"), null, "the platform's policies");
    }

    private static void assertForbidden(Scope scope, String jurisdiction, String named) {
        assertThatThrownBy(() -> PolicyScope.requireChangeable(scope, jurisdiction))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN))
                .hasMessageContaining(scope.wire())
                .hasMessageContaining(named);
    }

    /** The policy's id, which names its owner, and version. */
    private static String named(Mono<RankingPolicy> policy) {
        RankingPolicy found = policy.block();
        return found.id() + " v" + found.version();
    }

    /** A lexicographic web policy by onTimeRate then completionRate, from 2024-08, naming {@code jurisdiction}. */
    private static JsonNode body(String jurisdiction) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "effectiveFrom", "2024-08",
                "order", "LEXICOGRAPHIC",
                "rates", List.of("onTimeRate", "completionRate")));
        if (jurisdiction != null) {
            body.put("jurisdiction", jurisdiction);
        }
        return EventJson.mapper().valueToTree(body);
    }

    private static RankingPolicy byCompletion(String effectiveFrom) {
        return lexicographic(effectiveFrom, List.of(Rate.COMPLETION));
    }

    private static RankingPolicy byOnTime(String effectiveFrom) {
        return lexicographic(effectiveFrom, List.of(Rate.ON_TIME, Rate.COMPLETION));
    }

    private static RankingPolicy lexicographic(String effectiveFrom, List<Rate> rates) {
        return PolicyReader.read(
                        EventJson.mapper()
                                .valueToTree(Map.of(
                                        "effectiveFrom",
                                        effectiveFrom,
                                        "order",
                                        "LEXICOGRAPHIC",
                                        "rates",
                                        rates.stream().map(Rate::fieldName).toList())),
                        Channel.WEB,
                        PolicyReader.Purpose.STORE)
                .policy();
    }
}
