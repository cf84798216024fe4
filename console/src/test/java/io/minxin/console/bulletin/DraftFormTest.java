package io.minxin.console.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.console.Fixtures;
import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.BulletinDraft;
import io.minxin.events.EventJson;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class DraftFormTest {
    private static final BulletinDraft DRAFT =
            EventJson.mapper().readValue(Fixtures.draft(0, "李明", "该件经两次退回后办结。"), BulletinDraft.class);

    @Test
    void givenListsTypedWithBlankLinesAndSpacesThenOnlyARealChangeIsSentOneEntryALine() {
        DraftForm same = DraftForm.typed(DRAFT, form(Map.of("reportTo", " 区委办公室 \r\n\r\n区政府办公室\n", "sendTo", "各街道")));
        DraftForm changed = DraftForm.typed(DRAFT, form(Map.of("sendTo", "各街道\n各社区")));

        assertThat(same.edit()).isEmpty();
        assertThat(changed.edit()).isEqualTo(Map.of("sendTo", List.of("各街道", "各社区")));
    }

    @Test
    void givenRequirementsWrittenThenClearedThenAnEmptyListGivesTheGeneratedOnesBack() {
        BulletinDraft written = EventJson.mapper()
                .readValue(
                        Fixtures.draft(0, "李明", "x").replace("\"requirements\":[]", "\"requirements\":[\"一要\",\"二要\"]"),
                        BulletinDraft.class);

        assertThat(DraftForm.typed(written, form(Map.of("requirements", ""))).edit())
                .isEqualTo(Map.of("requirements", List.of()));
        assertThat(DraftForm.of(written).rows("requirements")).isEqualTo(3);
    }

    @Test
    void givenTheNumbersThenTheyAreSentAsNumbersAndADateAsADateButNotForACorrection() {
        Map<String, Object> edit = DraftForm.typed(
                        DRAFT, form(Map.of("number", "7", "sequence", "9", "issueDate", "2020-10-12")))
                .edit();
        BulletinDraft correction = EventJson.mapper().readValue(Fixtures.draft(1, "李明", "x"), BulletinDraft.class);

        assertThat(edit).isEqualTo(Map.of("number", 7, "issueDate", LocalDate.of(2020, 10, 12)));
        assertThat(DraftForm.typed(correction, form(Map.of("number", "7", "issueDate", "x")))
                        .edit())
                .isEmpty();
        assertThatThrownBy(() ->
                        DraftForm.typed(DRAFT, form(Map.of("issueDate", "十月"))).edit())
                .isInstanceOfSatisfying(
                        ApiFailure.class,
                        failure -> assertThat(failure.violations()).containsExactly("成文日期: 请选择一个日期，填的是“十月”"));
    }

    @Test
    void givenANoteWithoutAnyChangeThenNothingIsSent() {
        assertThat(DraftForm.typed(DRAFT, form(Map.of("signer", "李明", "reason", "看过了")))
                        .edit())
                .isEmpty();
    }

    private static MultiValueMap<String, String> form(Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return form;
    }
}
