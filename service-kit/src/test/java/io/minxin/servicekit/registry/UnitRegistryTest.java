package io.minxin.servicekit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.UnitRegistered;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnitRegistryTest {
    private static final Instant JAN = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant JUN = Instant.parse("2020-06-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2020-10-01T00:00:00Z");
    private static final UnitRegistered CICAI_XLT = new UnitRegistered("xlt-cicai", "财政局", "211103", "兴隆台区", JAN);
    private static final UnitRegistered CICAI_STZ = new UnitRegistered("xlt-cicai", "财政局", "211102", "双台子区", JUN);
    private static final UnitRegistered ZHIFA_STZ = new UnitRegistered("stz-zhifa", "综合执法局", "211102", "双台子区", JUN);

    private final UnitRegistry registry = new UnitRegistry(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRegistrationHoldsFromItsTimeUntilTheNextOne() {
        registry.register(CICAI_XLT);
        registry.register(CICAI_STZ);

        assertThat(registry.of("xlt-cicai", Instant.parse("2020-03-31T15:59:59Z")))
                .isEqualTo("211103");
        assertThat(registry.of("xlt-cicai", JUN)).isEqualTo("211102");
        assertThat(registry.of("xlt-cicai")).as("now").isEqualTo("211102");
    }

    @Test
    void beforeAUnitsFirstRegistrationTheFirstOneHolds() {
        registry.register(ZHIFA_STZ);

        assertThat(registry.of("stz-zhifa", JAN)).isEqualTo("211102");
    }

    @Test
    void aUnitNeverRegisteredBelongsToNoJurisdictionAndToTheWholeCity() {
        registry.register(ZHIFA_STZ);

        assertThat(registry.of("xlt-unknown", NOW)).isNull();
        assertThat(registry.of(null, NOW)).isNull();
        assertThat(registry.belongs("xlt-unknown", null, NOW)).isTrue();
        assertThat(registry.belongs("xlt-unknown", "211102", NOW)).isFalse();
        assertThat(registry.members("211102", NOW).test("stz-zhifa")).isTrue();
    }

    @Test
    void theSameRegistrationsGiveTheSameDirectoryInAnyOrderAndRepeated() {
        List<UnitRegistered> registrations = new ArrayList<>(List.of(CICAI_XLT, CICAI_STZ, ZHIFA_STZ, CICAI_XLT));
        Instant[] times = {JAN, Instant.parse("2020-05-31T23:59:59Z"), JUN, NOW};
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(registrations, random);
            UnitRegistry shuffled = new UnitRegistry(Clock.fixed(NOW, ZoneOffset.UTC));
            registrations.forEach(shuffled::register);
            for (Instant time : times) {
                assertThat(shuffled.of("xlt-cicai", time)).isEqualTo(time.isBefore(JUN) ? "211103" : "211102");
            }
            assertThat(shuffled.units()).isEqualTo(2);
        }
    }

    @Test
    void jurisdictionsAreThoseSomeUnitBelongsToAtTheTimeWithTheirNames() {
        registry.register(CICAI_XLT);
        registry.register(CICAI_STZ);
        registry.register(ZHIFA_STZ);

        assertThat(registry.jurisdictions(JAN)).isEqualTo(Map.of("211103", "兴隆台区", "211102", "双台子区"));
        assertThat(registry.jurisdictions(NOW)).isEqualTo(Map.of("211102", "双台子区"));
    }

    @Test
    void aJurisdictionNoRegistrationNamesIsNotFound() {
        registry.register(CICAI_XLT);
        registry.register(CICAI_STZ);

        assertThat(registry.knows("211103")).as("named once, superseded since").isTrue();
        registry.require("211102");
        registry.require(null);
        assertThatThrownBy(() -> registry.require("999999"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("999999");
    }

    @Test
    void aRegistrationWithoutJurisdictionIsRefused() {
        assertThatNullPointerException()
                .isThrownBy(() -> registry.register(new UnitRegistered("u", "U", null, null, JAN)))
                .withMessage("jurisdiction");
    }
}
