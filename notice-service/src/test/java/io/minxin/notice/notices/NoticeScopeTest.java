package io.minxin.notice.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.identity.Scope;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class NoticeScopeTest {
    private static final Instant T0 = Instant.parse("2020-09-25T08:00:00Z");
    private final NoticeScope scope = new NoticeScope(new UnitAccess(Jurisdictions.UNKNOWN));

    private static Notice letterTo(String unitId) {
        return Notice.builder(NoticeType.DUTY_LETTER, NoticeType.DUTY_LETTER.id(unitId, "2020-09"), T0)
                .unit(unitId, unitId + " name")
                .period("2020-09")
                .title("提示函")
                .text("…")
                .build();
    }

    @Test
    void aUnitAskingForNoUnitIsAnsweredItsOwnNotices() {
        assertThat(scope.unitToFind(Scope.unit("U01"), null)).isEqualTo("U01");
        assertThat(NoticeScope.needsFilter(Scope.unit("U01"), "U01")).isFalse();
    }

    @Test
    void aUnitAskingForAnotherUnitsNoticesIsRefused() {
        assertThat(scope.unitToFind(Scope.unit("U01"), "U01")).isEqualTo("U01");
        assertThatThrownBy(() -> scope.unitToFind(Scope.unit("U01"), "U02"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN));
    }

    @Test
    void theCityWideScopeFindsWhatItAsksFor() {
        assertThat(scope.unitToFind(Scope.ALL, null)).isNull();
        assertThat(scope.unitToFind(Scope.ALL, "U02")).isEqualTo("U02");
        assertThat(NoticeScope.needsFilter(Scope.ALL, null)).isFalse();
    }

    @Test
    void aUnitSeesItsOwnDutyLetterButNotAnothersNorTheCitysBulletinNotice() {
        Notice bulletinIssued = Notice.builder(NoticeType.BULLETIN_ISSUED, NoticeType.BULLETIN_ISSUED.id("2020-09"), T0)
                .period("2020-09")
                .title("提示函")
                .text("…")
                .build();

        assertThat(scope.visible(Scope.unit("U01"), letterTo("U01"))).isTrue();
        assertThat(scope.visible(Scope.unit("U01"), letterTo("U02"))).isFalse();
        assertThat(scope.visible(Scope.unit("U01"), bulletinIssued)).isFalse();
        assertThat(scope.visible(Scope.ALL, bulletinIssued)).isTrue();
    }

    @Test
    void aJurisdictionScopeIsFilteredAndSeesNothingWhileJurisdictionsAreUnknown() {
        Scope district = Scope.jurisdiction("xinglongtai");

        assertThat(NoticeScope.needsFilter(district, scope.unitToFind(district, null)))
                .isTrue();
        assertThat(scope.visible(district, letterTo("U01"))).isFalse();
    }
}
