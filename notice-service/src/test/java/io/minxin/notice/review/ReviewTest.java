package io.minxin.notice.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.decision.PushbackRuling.Verdict;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.ReviewStatus;
import io.minxin.events.notice.Ruling;
import io.minxin.notice.pushback.CaseStates;
import io.minxin.notice.pushback.PushbackCandidate;
import io.minxin.notice.pushback.PushbackDetector;
import io.minxin.notice.review.ReviewSettings.Mode;
import io.minxin.notice.units.UnitNames;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The review of one candidate, in plain Java: status by mode and ruling, explanation, table 3, notice. */
class ReviewTest {
    static final String ZHIFA = "xlt-zonghe-zhifa";
    static final Instant T = Instant.parse("2020-10-02T02:00:00Z");

    private final PushbackDetector detector = new PushbackDetector(2, 3, UnitNames.xinglongtai());
    private final PushbackCandidate candidate = candidate614418();

    static PushbackCandidate candidate614418() {
        return new PushbackDetector(2, 3, UnitNames.xinglongtai())
                .candidate(CaseStates.of("614418", "盘锦市民反映食品安全问题")
                        .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                        .returned(ZHIFA, "无营业手续及食品安全问题均不在我局执法范围")
                        .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                        .concludedAfterPushback(ZHIFA)
                        .state())
                .orElseThrow();
    }

    static Ruling ruling(String id, Instant at, Verdict verdict, String responsible, String text) {
        return Rulings.of(new Decision(
                id,
                "2020-09",
                "op-key",
                "operator",
                at,
                verdict == Verdict.DISMISSED ? "属正常退件" : "",
                new PushbackRuling("614418", verdict, ZHIFA, responsible, null, text)));
    }

    private Review review(Ruling ruling) {
        return new Review("614418", "2020-09", candidate, ruling);
    }

    @Test
    void givenNoRulingWhenAutomaticThenConfirmedAndWhenReviewThenPending() {
        assertThat(review(null).status(Mode.AUTOMATIC)).isEqualTo(ReviewStatus.CONFIRMED);
        assertThat(review(null).poorCase(Mode.AUTOMATIC)).isTrue();
        assertThat(review(null).status(Mode.REVIEW)).isEqualTo(ReviewStatus.PENDING);
        assertThat(review(null).poorCase(Mode.REVIEW)).isFalse();
        assertThat(review(null).chargedUnitId()).isEqualTo(ZHIFA);
    }

    @Test
    void givenAConfirmingRulingThenTheExplanationIsTheAccountWithTheRulingBeforeTheConclusion() {
        Review review = review(ruling("d1", T, Verdict.CONFIRMED, ZHIFA, "该诉求实际问题为流动商贩问题，应由综合执法局处理。"));

        assertThat(review.explanation())
                .isEqualTo("综合执法局以“无营业手续及食品安全问题均不在我局执法范围”为由退件，该诉求实际问题为流动商贩问题，应由综合执法局处理，" + "目前该案件已由综合执法局结案。");
        assertThat(review.poorCase(Mode.REVIEW)).isTrue();
    }

    @Test
    void givenNoRulingThenTheExplanationAndNoticeAreThoseTheDetectorAlwaysRaised() {
        Notice detected = detector
                .examine(CaseStates.of("614418", "盘锦市民反映食品安全问题")
                        .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                        .returned(ZHIFA, "无营业手续及食品安全问题均不在我局执法范围")
                        .accepted(ZHIFA, "盘锦市兴隆台区城市管理综合行政执法局")
                        .concludedAfterPushback(ZHIFA)
                        .state())
                .stream()
                .filter(notice -> notice.type().name().equals("PUSHBACK_CONFIRMED"))
                .findFirst()
                .orElseThrow();

        assertThat(review(null).confirmationNotice(Mode.AUTOMATIC, id -> Optional.empty()))
                .contains(detected);
        assertThat(review(null).confirmationNotice(Mode.REVIEW, id -> Optional.empty()))
                .isEmpty();
    }

    @Test
    void givenAReassignmentThenTheCaseIsChargedToTheNamedUnitAndItsNoticeNamesIt() {
        Review review = review(ruling("d1", T, Verdict.REASSIGNED, "xlt-xinglong", "物业问题应由属地街道协调"));
        Map<String, String> names = Map.of("xlt-xinglong", "盘锦市兴隆台区兴隆街道办事处");

        assertThat(review.status(Mode.REVIEW)).isEqualTo(ReviewStatus.REASSIGNED);
        assertThat(review.chargedUnitId()).isEqualTo("xlt-xinglong");
        assertThat(review.chargedUnitName(id -> Optional.ofNullable(names.get(id))))
                .isEqualTo("盘锦市兴隆台区兴隆街道办事处");
        Notice notice = review.confirmationNotice(Mode.REVIEW, id -> Optional.ofNullable(names.get(id)))
                .orElseThrow();
        assertThat(notice.id()).isEqualTo("pushback-confirmed|614418|xlt-xinglong");
        assertThat(notice.unitName()).isEqualTo("盘锦市兴隆台区兴隆街道办事处");
        assertThat(notice.text()).contains("物业问题应由属地街道协调，目前该案件已由综合执法局结案。");
        assertThat(notice.facts()).containsEntry("verdict", "REASSIGNED").containsEntry("decisionId", "d1");
    }

    @Test
    void givenADismissalThenTheCaseLeavesTable3EvenInAutomaticMode() {
        Review review = review(ruling("d1", T, Verdict.DISMISSED, null, ""));

        assertThat(review.status(Mode.AUTOMATIC)).isEqualTo(ReviewStatus.DISMISSED);
        assertThat(review.poorCase(Mode.AUTOMATIC)).isFalse();
        assertThat(review.chargedUnitId()).isNull();
        assertThat(review.confirmationNotice(Mode.AUTOMATIC, id -> Optional.empty()))
                .isEmpty();
    }

    @Test
    void theLatestRulingStandsWhateverOrderTheyArriveIn() {
        Ruling early = ruling("b", T, Verdict.DISMISSED, null, "");
        Ruling sameTimeGreaterId = ruling("c", T, Verdict.CONFIRMED, ZHIFA, "应由综合执法局处理");
        Ruling later = ruling("a", T.plusSeconds(1), Verdict.REASSIGNED, "xlt-xinglong", "应由属地街道协调");

        assertThat(review(null).ruled(early).ruled(sameTimeGreaterId).ruling()).isEqualTo(sameTimeGreaterId);
        assertThat(review(null).ruled(sameTimeGreaterId).ruled(early).ruling()).isEqualTo(sameTimeGreaterId);
        assertThat(review(null).ruled(later).ruled(early).ruled(later).ruling()).isEqualTo(later);
        assertThat(review(null).ruled(early).ruled(later).ruling()).isEqualTo(later);
    }

    @Test
    void aRulingTypedWithClosingPunctuationDoesNotEndTheSentenceEarly() {
        assertThat(review(ruling("d", T, Verdict.CONFIRMED, ZHIFA, " 应由综合执法局处理。 "))
                        .explanation())
                .endsWith("为由退件，应由综合执法局处理，目前该案件已由综合执法局结案。");
    }

    @Test
    void theModeOfAJurisdictionOverridesTheDefault() {
        ReviewSettings settings = new ReviewSettings(Mode.AUTOMATIC, Map.of("xinglongtai", Mode.REVIEW));

        assertThat(settings.modeOf(null)).isEqualTo(Mode.AUTOMATIC);
        assertThat(settings.modeOf("dawa")).isEqualTo(Mode.AUTOMATIC);
        assertThat(settings.modeOf("xinglongtai")).isEqualTo(Mode.REVIEW);
    }
}
