package io.minxin.notice.issue;

import io.minxin.notice.bulletin.BulletinFacts;
import io.minxin.notice.bulletin.BulletinProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

/** A small month of facts for the issue package's tests; table 3 row 2's unit can be changed. */
final class TestFacts {
    static final YearMonth PERIOD = YearMonth.of(2020, 9);

    private TestFacts() {}

    static BulletinFacts facts(BulletinFacts.Issue issue, String secondPoorUnit) {
        return new BulletinFacts(
                PERIOD,
                PERIOD.atDay(1),
                PERIOD.atEndOfMonth(),
                issue,
                new BulletinFacts.Overview(1316, 28, 0.9574, 0.9613, 0.9755, 0.8402),
                List.of(new BulletinFacts.PhoneRow(1, "盘锦市兴隆台区工信局", 1.0, 1.0, 1.0, 1.0)),
                List.of(new BulletinFacts.WebRow(
                        1,
                        "盘锦市兴隆台区沈采街道办事处",
                        1.0,
                        1.0,
                        1.0,
                        1.0,
                        new BigDecimal("0.02"),
                        BigDecimal.ZERO,
                        new BigDecimal("10.02"))),
                List.of(
                        new BulletinFacts.PoorCase(1, "614418", "盘锦市民反映食品安全问题", "综合执法局", "推诿"),
                        new BulletinFacts.PoorCase(2, "625810", "盘锦市民反映电梯未开通问题", secondPoorUnit, "推诿")),
                List.of("综合执法局以“不在我局执法范围”为由退件，目前该案件已由综合执法局结案。", "振兴街道三次均以“请分派至住建部门”为由退件，目前该案件已由振兴街道结案。"),
                new BulletinFacts.Targets(0.95, 0.95, 1.0, LocalTime.of(16, 0), 3),
                BulletinProperties.Issuer.reference().distribution());
    }

    static BulletinFacts.Issue issue(int number, int sequence, LocalDate date) {
        return BulletinProperties.Issuer.reference().issue(date.getYear(), number, sequence, date);
    }
}
