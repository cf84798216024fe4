package io.minxin.servicekit.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.identity.Scope;
import io.minxin.servicekit.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class UnitAccessTest {
    private final UnitAccess withoutJurisdictions = new UnitAccess(Jurisdictions.UNKNOWN);
    private final UnitAccess withJurisdictions =
            new UnitAccess(Map.of("U01", "xinglongtai", "U02", "xinglongtai", "U03", "shuangtaizi")::get);

    @Test
    void allCoversEveryUnitAndItemsOfNoUnit() {
        assertThat(withoutJurisdictions.covers(Scope.ALL, "U01")).isTrue();
        assertThat(withoutJurisdictions.covers(Scope.ALL, null)).isTrue();
    }

    @Test
    void aUnitScopeCoversItsOwnUnitOnly() {
        Scope u01 = Scope.unit("U01");
        assertThat(withoutJurisdictions.covers(u01, "U01")).isTrue();
        assertThat(withoutJurisdictions.covers(u01, "U02")).isFalse();
        assertThat(withoutJurisdictions.covers(u01, null)).isFalse();
    }

    @Test
    void aJurisdictionScopeCoversNothingWhileNoJurisdictionIsKnown() {
        Scope district = Scope.jurisdiction("xinglongtai");
        assertThat(withoutJurisdictions.covers(district, "U01")).isFalse();
        assertThat(withoutJurisdictions.coversAny(district, List.of("U01", "U02")))
                .isFalse();
    }

    @Test
    void aJurisdictionScopeCoversTheUnitsKnownToBeInIt() {
        Scope district = Scope.jurisdiction("xinglongtai");
        assertThat(withJurisdictions.visible(district, List.of("U01", "U02", "U03", "U04"), Function.identity()))
                .containsExactly("U01", "U02");
    }

    @Test
    void listsKeepTheCoveredItemsInTheirOrder() {
        List<String> rows = List.of("U03", "U01", "U02", "U01");
        assertThat(withoutJurisdictions.visible(Scope.unit("U01"), rows, Function.identity()))
                .containsExactly("U01", "U01");
        assertThat(withoutJurisdictions.visible(Scope.ALL, rows, Function.identity()))
                .isEqualTo(rows);
    }

    @Test
    void aCaseOfSeveralUnitsIsCoveredWhenAnyOfThemIs() {
        assertThat(withoutJurisdictions.coversAny(Scope.unit("U02"), List.of("U01", "U02")))
                .isTrue();
        assertThat(withoutJurisdictions.coversAny(Scope.unit("U03"), List.of("U01", "U02")))
                .isFalse();
    }

    @Test
    void anotherUnitsResourceIsRefusedWith403NamingScopeAndUnit() {
        assertThatThrownBy(() -> withoutJurisdictions.require(Scope.unit("U01"), "U02"))
                .isInstanceOfSatisfying(ProblemException.class, refusal -> {
                    assertThat(refusal.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(refusal.type()).isNull();
                    assertThat(refusal.getMessage()).isEqualTo("the caller's scope unit:U01 does not cover unit U02");
                });
    }
}
