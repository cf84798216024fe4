package io.minxin.notice.duty;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.notice.Notice;
import io.minxin.notice.mongo.InMemoryMongo;
import io.minxin.notice.units.UnitDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoDutyLedgerTest {
    static final Instant CONSUMED = Instant.parse("2026-05-11T02:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void theEarliestLoginOfADayCounts() {
        MongoDutyLedger ledger = ledger();

        ledger.recordLogin("u", Instant.parse("2020-09-01T09:00:00Z"), CONSUMED);
        ledger.recordLogin("u", Instant.parse("2020-09-01T07:59:00Z"), CONSUMED);
        ledger.recordLogin("v", Instant.parse("2020-09-01T08:00:00Z"), CONSUMED);

        // 16:00 Asia/Shanghai is 08:00Z
        assertThat(ledger.unitsLoggedIn(LocalDate.of(2020, 9, 1), Instant.parse("2020-09-01T08:00:00Z")))
                .containsExactly("u");
    }

    @Test
    void stateSurvivesANewLedgerOverTheSameDatabase() {
        MongoDutyLedger first = ledger();
        assertThat(first.firstDay(LocalDate.of(2020, 9, 1))).isEqualTo(LocalDate.of(2020, 9, 1));
        first.markChecked(LocalDate.of(2020, 9, 2));
        first.recordMissed(LocalDate.of(2020, 9, 2), Set.of("u"));
        first.recordMissed(LocalDate.of(2020, 9, 1), Set.of("u", "v"));
        first.recordMissed(LocalDate.of(2020, 9, 1), Set.of("u"));

        MongoDutyLedger second = ledger();

        assertThat(second.firstDay(LocalDate.of(2020, 9, 20))).isEqualTo(LocalDate.of(2020, 9, 1));
        assertThat(second.lastCheckedDay()).contains(LocalDate.of(2020, 9, 2));
        assertThat(second.missedDays("u", YearMonth.of(2020, 9)))
                .containsExactly(LocalDate.of(2020, 9, 1), LocalDate.of(2020, 9, 2));
    }

    @Test
    void theLoginProgressKeepsTheLatestTimesAcrossANewLedger() {
        MongoDutyLedger first = ledger();
        assertThat(first.loginProgress()).isEqualTo(LoginProgress.NONE);

        first.recordLogin("u", Instant.parse("2020-09-02T01:00:00Z"), CONSUMED);
        first.recordLogin("v", Instant.parse("2020-09-01T01:00:00Z"), CONSUMED.plusSeconds(5));
        first.recordLogin("u", Instant.parse("2020-09-02T01:00:00Z"), CONSUMED.plusSeconds(1));

        assertThat(ledger().loginProgress())
                .isEqualTo(new LoginProgress(Instant.parse("2020-09-02T01:00:00Z"), CONSUMED.plusSeconds(5)));
    }

    @Test
    void givenTwoInstancesRecordingOffsetsWhenARecordIsDeliveredAgainThenNoOffsetMovesBack() {
        MongoDutyLedger first = ledger();
        MongoDutyLedger second = ledger();
        assertThat(first.consumedOffsets("unit-activity")).isEmpty();

        first.recordConsumed("unit-activity", 0, 12);
        first.recordConsumed("unit-activity", 1, 3);
        // a rebalance hands partition 0 to the second instance, which is given records from before the first's
        second.recordConsumed("unit-activity", 0, 9);
        second.recordConsumed("unit-activity", 1, 4);
        second.recordConsumed("other-topic", 0, 100);

        assertThat(ledger().consumedOffsets("unit-activity")).containsOnly(Map.entry(0, 12L), Map.entry(1, 4L));
    }

    @Test
    void aUnitsNameIsLookedUpWhenAskedEvenIfAnotherDirectoryStoredIt() {
        MongoDutyLedger ledger = ledger();
        assertThat(ledger.unitName("xlt-huibin")).isEmpty();

        // unit-metrics consumed elsewhere (another instance) name the unit after this ledger first asked
        new UnitDirectory(mongo.database(), Clock.systemUTC())
                .remember("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处")
                .block();

        assertThat(ledger.unitName("xlt-huibin")).contains("盘锦市兴隆台区惠宾街道办事处");
    }

    @Test
    void dutyCheckOverMongoRaisesOneLetterAcrossRestarts() {
        UnitDirectory directory = new UnitDirectory(mongo.database(), Clock.systemUTC());
        directory.remember("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处").block();
        List<Notice> letters = new ArrayList<>();

        // another unit logs in live, after 16:00 (08:00Z): the watermark passes each day's deadline
        loginLive("xlt-gongxin", "2020-09-02T09:00:00Z");
        check(ledger(), "2020-09-02T10:00:00Z", letters);
        loginLive("xlt-gongxin", "2020-09-30T09:00:00Z");
        check(ledger(), "2020-09-30T10:00:00Z", letters);
        check(ledger(), "2020-09-30T10:00:00Z", letters);

        assertThat(letters).extracting(Notice::id).containsExactly("duty-letter|xlt-huibin|2020-09");
        assertThat(letters.get(0).unitName()).isEqualTo("盘锦市兴隆台区惠宾街道办事处");
    }

    @Test
    void givenALaterDayMarkedWhenAnotherInstanceMarksAnEarlierOneThenTheLaterMarkStands() {
        MongoDutyLedger first = ledger();
        MongoDutyLedger second = ledger();
        first.markChecked(LocalDate.of(2020, 9, 10));

        second.markChecked(LocalDate.of(2020, 9, 3));

        assertThat(first.lastCheckedDay()).contains(LocalDate.of(2020, 9, 10));
        second.markChecked(LocalDate.of(2020, 9, 11));
        assertThat(first.lastCheckedDay()).contains(LocalDate.of(2020, 9, 11));
    }

    @Test
    void givenTwoInstancesWhenBothCheckTheSameDueDaysThenBothHandOverTheSameLetterWhoseIdStoresItOnce() {
        UnitDirectory directory = new UnitDirectory(mongo.database(), Clock.systemUTC());
        directory.remember("xlt-huibin", "盘锦市兴隆台区惠宾街道办事处").block();
        loginLive("xlt-gongxin", "2020-09-30T09:00:00Z");
        List<Notice> fromFirst = new ArrayList<>();
        List<Notice> fromSecond = new ArrayList<>();

        check(ledger(), "2020-09-30T10:00:00Z", fromFirst);
        check(ledger(), "2020-09-30T10:00:00Z", fromSecond);

        assertThat(fromFirst).extracting(Notice::id).containsExactly("duty-letter|xlt-huibin|2020-09");
        // the second instance's run, late or concurrent, finds the days checked or repeats the same letter
        assertThat(fromSecond).isSubsetOf(fromFirst);
    }

    private void loginLive(String unitId, String at) {
        ledger().recordLogin(unitId, Instant.parse(at), Instant.parse(at));
    }

    private void check(DutyLedger ledger, String now, List<Notice> letters) {
        Clock clock = Clock.fixed(Instant.parse(now), WorkingCalendar.ZONE);
        DutyRules rules = new DutyRules(LocalTime.of(16, 0), Duration.ZERO, 4, LocalDate.of(2020, 9, 1), null);
        new DutyCheck(clock, WorkingCalendar.china(), ledger, () -> true, rules).run(letters::add);
    }

    private MongoDutyLedger ledger() {
        return new MongoDutyLedger(mongo.database(), new UnitDirectory(mongo.database(), Clock.systemUTC()));
    }
}
