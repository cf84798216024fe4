package io.minxin.events.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.EventJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {
    private static final Instant AT = Instant.parse("2020-10-05T02:00:00Z");

    @Test
    void aDecisionReadsBackAsWrittenWithItsKindNamed() {
        Decision decision = new Decision(
                "d-1",
                "2020-09",
                "key-operator",
                "operator",
                AT,
                "经回访核实为不合理诉求",
                new Exclusion("614418", List.of(Indicator.SATISFACTION_RATE), true, null));

        String json = EventJson.mapper().writeValueAsString(decision);
        Decision read = EventJson.mapper().readValue(json, Decision.class);

        assertThat(json).contains("\"kind\":\"exclusion\"").contains("\"satisfactionRate\"");
        assertThat(read).isEqualTo(decision);
        assertThat(read.key()).isEqualTo("614418");
    }

    @Test
    void theLaterDecisionSupersedesThenTheGreaterId() {
        DecisionBody body = new PushbackRuling("1", PushbackRuling.Verdict.DISMISSED, "u", null, null, null);
        Decision early = new Decision("b", "2020-09", "k", "operator", AT, "", body);
        Decision late = new Decision("a", "2020-09", "k", "operator", AT.plusSeconds(1), "", body);
        Decision sameTimeGreaterId = new Decision("c", "2020-09", "k", "operator", AT, "", body);

        assertThat(late.supersedes(early)).isTrue();
        assertThat(early.supersedes(late)).isFalse();
        assertThat(sameTimeGreaterId.supersedes(early)).isTrue();
    }

    @Test
    void anIndicatorIsReadByItsWireNameOrConstantAndAnUnknownOneIsNamed() {
        assertThat(Indicator.of("onTimeRate")).isEqualTo(Indicator.ON_TIME_RATE);
        assertThat(Indicator.of("ON_TIME_RATE")).isEqualTo(Indicator.ON_TIME_RATE);
        assertThatThrownBy(() -> Indicator.of("speed")).hasMessageContaining("speed");
    }

    @Test
    void bulletinDecisionsShareTheBulletinsKey() {
        BulletinEdited edit = new BulletinEdited("2020-09", "李某", null, null, null, null, null, null, null, null, null);
        assertThat(edit.key()).isEqualTo("bulletin|2020-09");
        assertThat(new LetterAcknowledged("duty-letter|u|2020-09", "u").key())
                .isEqualTo("letter|duty-letter|u|2020-09");
    }

    @Test
    void givenABulletinDecisionRecordedBeforeJurisdictionsWhenReadThenItIsThePlatformsAndKeyedAsBefore() {
        String old = "{\"id\":\"d-2\",\"period\":\"2020-09\",\"decidedBy\":\"k\",\"role\":\"operator\","
                + "\"decidedAt\":\"2020-10-05T02:00:00Z\",\"reason\":\"\",\"body\":{\"kind\":\"bulletin-edited\","
                + "\"period\":\"2020-09\",\"signer\":\"李某\"}}";

        BulletinEdited read = (BulletinEdited)
                EventJson.mapper().readValue(old, Decision.class).body();

        assertThat(read.jurisdiction()).isNull();
        assertThat(read.key()).isEqualTo("bulletin|2020-09");
        assertThat(EventJson.mapper().writeValueAsString(read)).doesNotContain("jurisdiction");
    }

    @Test
    void givenAJurisdictionsBulletinDecisionThenItReadsBackWithItsJurisdictionUnderAKeyOfItsOwn() {
        BulletinEdited edit =
                new BulletinEdited("2020-09", "李某", null, null, null, null, null, null, null, null, null, "211102");
        Decision decision = new Decision("d-3", "2020-09", "k", "operator", AT, "", edit);

        Decision read = EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(decision), Decision.class);

        assertThat(read).isEqualTo(decision);
        assertThat(read.key()).isEqualTo("bulletin|2020-09|211102");
        assertThat(BulletinIssued.key("2020-09", null)).isEqualTo("bulletin|2020-09");
    }
}
