package io.minxin.ranking.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionDiff;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.ranking.RowChange;
import io.minxin.ranking.engine.Ranking;
import io.minxin.ranking.engine.RankingEngine;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.Rate;
import io.minxin.ranking.engine.ReferenceBulletin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MongoJsonTest {
    private static final RankingPolicy WEB = new RankingPolicy(
            "web-ranking",
            1,
            Channel.WEB,
            "2000-01",
            null,
            1,
            RankingPolicy.OrderMethod.LEXICOGRAPHIC,
            Map.of(),
            List.of(Rate.COMPLETION, Rate.ON_TIME, Rate.SATISFACTION, Rate.EXCELLENT),
            List.of(RankingPolicy.TieBreak.RECEIVED),
            5,
            RankingPolicy.RateEstimator.RAW,
            RankingPolicy.NullRates.RANK_LAST,
            new RankingPolicy.ScoreView(10, List.of(), List.of()),
            null,
            List.of(),
            null,
            List.of(),
            List.of());

    private static final Ranking RANKING = RankingEngine.rank(WEB, ReferenceBulletin.webUnits());

    private static final RankingRevision REVISION = new RankingRevision(
            RankingRevision.idOf("2020-09", Channel.WEB, 2),
            "2020-09",
            Channel.WEB,
            2,
            RevisionStatus.PUBLISHED,
            RANKING.policy(),
            5,
            Instant.parse("2020-10-06T01:00:00Z"),
            Instant.parse("2020-10-07T01:00:00Z"),
            Instant.parse("2020-10-07T02:00:00Z"),
            RANKING.rows(),
            RANKING.notEligible(),
            new RevisionDiff(
                    1,
                    List.of(new RowChange(
                            "x", null, null, 3, null, RANKING.rows().get(2).inputs()))));

    @Test
    void revisionSurvivesADocumentRoundTripUnchanged() {
        Document document = MongoJson.toDocument(REVISION.id(), REVISION);

        assertThat(document.getString("_id")).isEqualTo("2020-09|WEB|2");
        assertThat(MongoJson.fromDocument(document, RankingRevision.class)).isEqualTo(REVISION);
    }

    @Test
    void publishedJsonHasTheContractShape() {
        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(REVISION));

        assertThat(json.propertyNames())
                .containsExactly(
                        "id",
                        "period",
                        "channel",
                        "revision",
                        "status",
                        "policy",
                        "top",
                        "closedAt",
                        "createdAt",
                        "publishedAt",
                        "rows",
                        "notEligible",
                        "diff");
        JsonNode row = json.get("rows").get(0);
        assertThat(row.get("inputs").get("counts").get("received").asLong()).isEqualTo(5);
        assertThat(row.get("inputs").get("rates").get("completionRate").asDouble())
                .isEqualTo(1.0);
        assertThat(row.get("terms").get(0).get("rate").asString()).isEqualTo("completionRate");
        assertThat(json.get("closedAt").asString()).isEqualTo("2020-10-06T01:00:00Z");
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(REVISION), RankingRevision.class))
                .isEqualTo(REVISION);
    }

    @Test
    void policyIsStoredWithTheRateNamesTheApiShows() {
        RankingPolicy weighted = new RankingPolicy(
                "phone-ranking",
                1,
                Channel.PHONE,
                "2000-01",
                null,
                1,
                RankingPolicy.OrderMethod.WEIGHTED,
                Map.of(Rate.COMPLETION, 0.5, Rate.EXCELLENT, 0.5),
                List.of(),
                List.of(),
                5,
                RankingPolicy.RateEstimator.RAW,
                RankingPolicy.NullRates.RANK_LAST,
                null,
                null,
                List.of(),
                null,
                List.of(),
                List.of());

        Document web = MongoJson.toDocument("web-ranking|1", WEB);
        Document phone = MongoJson.toDocument("phone-ranking|1", weighted);

        assertThat(web.getList("rates", String.class))
                .containsExactly("completionRate", "onTimeRate", "satisfactionRate", "excellentRate");
        assertThat(phone.get("weights", Document.class).keySet())
                .containsExactlyInAnyOrder("completionRate", "excellentRate");
        assertThat(MongoJson.fromDocument(phone, RankingPolicy.class)).isEqualTo(weighted);
    }

    @Test
    void givenAPolicyOfTheFullLanguage_whenItsPolicyAndRevisionAreStored_thenBothLoadUnchanged() {
        RankingPolicy policy = io.minxin.ranking.policy.PolicyReader.read(
                        EventJson.mapper().readTree("""
                                {"effectiveFrom": "2027-01", "order": "WEIGHTED",
                                 "indicators": [{"rate": "completionRate", "weight": 60, "scoring": "BANDS",
                                                 "bands": [{"from": 0, "points": 0}, {"from": 0.9, "points": 1}]},
                                                {"rate": "returnRate", "weight": 40, "zeroAt": 1, "fullAt": 0}],
                                 "adjustments": {"penalties": [{"fact": "PUSHBACK", "points": 1, "cap": 3}]},
                                 "tiers": [{"name": "大", "minReceived": 3}, {"name": "小", "minReceived": 1}],
                                 "lists": [{"name": "红榜", "from": "TOP", "size": 1}]}
                                """),
                        Channel.WEB,
                        io.minxin.ranking.policy.PolicyReader.Purpose.STORE)
                .policy()
                .asVersion(Channel.WEB, 2, Instant.parse("2027-01-01T00:00:00Z"));
        Ranking ranking = RankingEngine.rank(policy, ReferenceBulletin.webUnits());
        RankingRevision revision = new RankingRevision(
                RankingRevision.idOf("2027-01", Channel.WEB, 1),
                "2027-01",
                Channel.WEB,
                1,
                RevisionStatus.PENDING,
                ranking.policy(),
                ranking.top(),
                null,
                Instant.parse("2027-02-01T00:00:00Z"),
                null,
                ranking.rows(),
                ranking.notEligible(),
                null,
                ranking.lists());

        Document storedPolicy = MongoJson.toDocument("web-ranking|2", policy);
        Document storedRevision = MongoJson.toDocument(revision.id(), revision);

        assertThat(ranking.lists()).isNotEmpty();
        assertThat(ranking.rows()).extracting(row -> row.tier()).doesNotContainNull();
        assertThat(MongoJson.fromDocument(storedPolicy, RankingPolicy.class)).isEqualTo(policy);
        assertThat(MongoJson.fromDocument(storedRevision, RankingRevision.class))
                .isEqualTo(revision);
    }

    @Test
    void givenAPolicyStoredBeforeThePolicyLanguage_whenLoaded_thenItHasNoneOfItsFieldsAndRanksAsBefore() {
        Document stored = MongoJson.toDocument("web-ranking|1", WEB);
        List.of("indicators", "adjustments", "tiers", "lists").forEach(stored::remove);

        RankingPolicy loaded = MongoJson.fromDocument(stored, RankingPolicy.class);

        assertThat(loaded).isEqualTo(WEB);
        assertThat(RankingEngine.rank(loaded, ReferenceBulletin.webUnits())).isEqualTo(RANKING);
    }

    @Test
    void policyStoredWithTheFormerRateNamesStillLoads() {
        Document stored = MongoJson.toDocument("web-ranking|1", WEB);
        stored.put("rates", List.of("COMPLETION", "ON_TIME", "SATISFACTION", "EXCELLENT"));
        stored.put("order", "WEIGHTED");
        stored.put("weights", new Document("COMPLETION", 0.25).append("EXCELLENT", 0.75));

        RankingPolicy loaded = MongoJson.fromDocument(stored, RankingPolicy.class);

        assertThat(loaded.rates()).isEqualTo(WEB.rates());
        assertThat(loaded.weights()).isEqualTo(Map.of(Rate.COMPLETION, 0.25, Rate.EXCELLENT, 0.75));
    }
}
