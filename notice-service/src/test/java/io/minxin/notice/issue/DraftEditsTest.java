package io.minxin.notice.issue;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.decision.BulletinEdited;
import io.minxin.events.decision.Decision;
import io.minxin.notice.bulletin.BulletinFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Edits of a draft merge field by field, the superseding edit standing, whatever the order or repetition. */
class DraftEditsTest {
    private static final Instant T0 = Instant.parse("2020-10-20T01:00:00Z");
    private static final BulletinFacts FACTS =
            TestFacts.facts(TestFacts.issue(7, 5, LocalDate.of(2020, 10, 29)), "振兴街道");

    private static Decision edit(String id, long seconds, BulletinEdited body) {
        return new Decision(id, "2020-09", "op-" + id, "operator", T0.plusSeconds(seconds), "", body);
    }

    private static BulletinEdited signer(String signer) {
        return new BulletinEdited("2020-09", signer, null, null, null, null, null, null, null, null, null);
    }

    private static BulletinEdited explanation(String caseId, String text) {
        return new BulletinEdited(
                "2020-09", null, null, null, null, null, null, null, null, null, Map.of(caseId, text));
    }

    private final List<Decision> decisions = List.of(
            edit("a", 1, signer("张三")),
            edit("b", 3, signer("李明")),
            edit("c", 2, explanation("625810", "物业问题应由属地街道协调，目前该案件已由振兴街道结案。")),
            edit("d", 1, explanation("625810", "较早的说明。")),
            // same instant as b: the greater id wins
            edit("0", 3, signer("输给 b")),
            edit(
                    "e",
                    4,
                    new BulletinEdited(
                            "2020-09",
                            null,
                            8,
                            null,
                            LocalDate.of(2020, 11, 2),
                            null,
                            "区营商局办公室",
                            null,
                            List.of("区纪委监委"),
                            List.of("各单位按时登录。"),
                            null)));

    @Test
    void givenTheSameEditsInAnyOrderAndRepeatedThenTheMergedDraftIsTheSame() {
        DraftEdits expected = DraftEdits.of(decisions);
        Random random = new Random(8890);
        for (int round = 0; round < 20; round++) {
            List<Decision> shuffled = new ArrayList<>(decisions);
            shuffled.addAll(decisions.subList(0, round % decisions.size()));
            Collections.shuffle(shuffled, random);
            DraftEdits merged = DraftEdits.of(shuffled);

            assertThat(merged.apply(FACTS, true)).isEqualTo(expected.apply(FACTS, true));
            assertThat(merged.edited()).isEqualTo(expected.edited());
        }
    }

    @Test
    void givenEditsThenEachFieldTakesTheLatestAndSaysWhoMadeIt() {
        DraftEdits edits = DraftEdits.of(decisions);
        BulletinFacts draft = edits.apply(FACTS, true);

        assertThat(draft.issue().signer()).isEqualTo("李明");
        assertThat(draft.explanations()).containsExactly(FACTS.explanations().get(0), "物业问题应由属地街道协调，目前该案件已由振兴街道结案。");
        assertThat(draft.issue().number()).isEqualTo(new BulletinFacts.DocumentNumber("兴隆营商督字", 2020, 8));
        assertThat(draft.issue().issueDate()).isEqualTo(LocalDate.of(2020, 11, 2));
        assertThat(draft.issue().sequence()).isEqualTo(5);
        assertThat(draft.distribution().sendTo()).containsExactly("区纪委监委");
        assertThat(draft.distribution().reportTo())
                .isEqualTo(FACTS.distribution().reportTo());
        assertThat(draft.distribution().issuingOffice()).isEqualTo("区营商局办公室");
        assertThat(draft.requirements()).containsExactly("各单位按时登录。");
        assertThat(edits.edited())
                .containsOnlyKeys(
                        "signer",
                        "explanations.625810",
                        "number",
                        "issueDate",
                        "issuingOffice",
                        "sendTo",
                        "requirements")
                .containsEntry("signer", new DraftEdits.Edit("op-b", T0.plusSeconds(3), "b"))
                .containsEntry("explanations.625810", new DraftEdits.Edit("op-c", T0.plusSeconds(2), "c"));
    }

    @Test
    void givenACorrectionThenTheIssuedNumbersAndDateStay() {
        BulletinFacts corrected = DraftEdits.of(decisions).apply(FACTS, false);

        assertThat(corrected.issue().number()).isEqualTo(FACTS.issue().number());
        assertThat(corrected.issue().issueDate()).isEqualTo(FACTS.issue().issueDate());
        assertThat(corrected.issue().signer()).isEqualTo("李明");
    }

    @Test
    void givenABlankExplanationOrEmptyRequirementsThenTheGeneratedOnesComeBack() {
        List<Decision> restoring = new ArrayList<>(decisions);
        restoring.add(edit("f", 9, explanation("625810", "")));
        restoring.add(edit(
                "g",
                9,
                new BulletinEdited("2020-09", null, null, null, null, null, null, null, null, List.of(), null)));

        BulletinFacts draft = DraftEdits.of(restoring).apply(FACTS, true);

        assertThat(draft.explanations()).isEqualTo(FACTS.explanations());
        assertThat(draft.requirements()).isEmpty();
    }

    @Test
    void givenNoEditsThenTheFactsStayAsTheyAre() {
        assertThat(DraftEdits.NONE.apply(FACTS, true)).isEqualTo(FACTS);
        assertThat(DraftEdits.NONE.isEmpty()).isTrue();
    }
}
