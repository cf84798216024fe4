package io.minxin.notice.targets;

import io.minxin.events.Channel;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.Counts;
import io.minxin.events.state.UnitMetrics;
import io.minxin.notice.units.UnitNames;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a unit's counts in one channel and period with the targets (default: satisfaction 95%, completion
 * 95%, on-time 100%). Comparisons are exact (numerator &lt; target × denominator), never on rounded rates.
 *
 * <p><b>At period close</b> a target is missed when its rate is below the target; a rate without denominator
 * ("—") misses nothing.
 *
 * <p><b>During the period</b> a forecast warning says that a target can no longer be reached <em>by the cases
 * received so far</em>: even if every one of them still ends as well as it can, the rate stays below the target.
 * Cases received later in the month could still lift a 95% rate, so that is what the warning means; a 100%
 * target is truly lost by a single failure. The best cases, per target:
 *
 * <ul>
 *   <li>on-time: every open case (received − concluded) is concluded on time:
 *       (concludedOnTime + open) / received. With a 100% target, any late conclusion triggers it.
 *   <li>satisfaction: every received case without an unsatisfied answer ends satisfied:
 *       (received − unsatisfied) / received, unsatisfied = visited − satisfied. So: unsatisfied answers already
 *       exceed (1 − target) of the cases received.
 *   <li>completion: every open case can still be concluded until the period ends, so completion is never
 *       forecast; it is judged at close only.
 * </ul>
 */
public final class TargetCheck {
    private final Map<Target, BigDecimal> targets;
    private final UnitNames unitNames;
    private final AssessmentPeriod periods;

    public TargetCheck(Map<Target, BigDecimal> targets, UnitNames unitNames, AssessmentPeriod periods) {
        this.targets = new EnumMap<>(targets);
        this.unitNames = unitNames;
        this.periods = periods;
    }

    /** The targets the unit missed in its closed period. */
    public List<Notice> missedAtClose(UnitMetrics metrics) {
        List<Notice> missed = new ArrayList<>();
        Counts counts = metrics.counts();
        targets.forEach((target, threshold) -> {
            long numerator = target.numerator(counts);
            long denominator = target.denominator(counts);
            if (denominator > 0 && below(numerator, denominator, threshold)) {
                String text = unitName(metrics) + "（" + channelLabel(metrics.channel()) + "）" + periodLabel(metrics)
                        + target.label() + percent(numerator, denominator) + "（" + numerator + "/" + denominator
                        + "），低于"
                        + percent(threshold) + "的要求。";
                missed.add(notice(NoticeType.TARGET_MISSED, metrics, target, threshold, closeInstant(metrics))
                        .title("未达标：" + shortName(metrics) + periodLabel(metrics) + target.label()
                                + percent(numerator, denominator))
                        .text(text)
                        .fact("rate", ratio(numerator, denominator))
                        .fact("numerator", numerator)
                        .fact("denominator", denominator)
                        .build());
            }
        });
        return missed;
    }

    /** The targets the unit can no longer reach with the cases received so far; {@code now} dates the warning. */
    public List<Notice> forecast(UnitMetrics metrics, Instant now) {
        List<Notice> warnings = new ArrayList<>();
        Counts counts = metrics.counts();
        long received = counts.received();
        if (received == 0) {
            return warnings;
        }
        Instant at = now.isAfter(closeInstant(metrics)) ? closeInstant(metrics) : now;
        targets.forEach((target, threshold) -> {
            String why;
            long best;
            if (target == Target.ON_TIME) {
                // cases excluded from a rate (剔除) are neither late nor unsatisfied for it
                long late = target.denominator(counts) - target.numerator(counts);
                best = received - late;
                why = "已办结" + counts.concluded() + "件中" + late + "件超期";
            } else if (target == Target.SATISFACTION) {
                long unsatisfied = target.denominator(counts) - target.numerator(counts);
                best = received - unsatisfied;
                why = "已回访" + counts.visited() + "件中" + unsatisfied + "件不满意";
            } else {
                return;
            }
            if (below(best, received, threshold)) {
                String text = unitName(metrics) + "（" + channelLabel(metrics.channel()) + "）" + periodLabel(metrics)
                        + target.label() + "已无法达到" + percent(threshold) + "：" + why + "，即使本月已受理的" + received
                        + "件其余全部办好，最高也只有" + percent(best, received) + "。";
                warnings.add(notice(NoticeType.TARGET_FORECAST, metrics, target, threshold, at)
                        .title("预警：" + shortName(metrics) + periodLabel(metrics) + target.label() + "已无法达标")
                        .text(text)
                        .fact("bestRate", ratio(best, received))
                        .fact("received", received)
                        .fact("concluded", counts.concluded())
                        .fact("concludedOnTime", counts.concludedOnTime())
                        .fact("visited", counts.visited())
                        .fact("satisfied", counts.satisfied())
                        .build());
            }
        });
        return warnings;
    }

    /** The first instant after the period: the date of a notice about the closed period. */
    Instant closeInstant(UnitMetrics metrics) {
        return periods.end(YearMonth.parse(metrics.period()));
    }

    private Notice.Builder notice(
            NoticeType type, UnitMetrics metrics, Target target, BigDecimal threshold, Instant occurredAt) {
        return Notice.builder(type, type.id(metrics.unitId(), metrics.channel(), metrics.period(), target), occurredAt)
                .period(metrics.period())
                .unit(metrics.unitId(), metrics.unitName())
                .channel(metrics.channel())
                .fact("target", target.rateName())
                .fact("threshold", threshold.doubleValue());
    }

    private static boolean below(long numerator, long denominator, BigDecimal threshold) {
        return BigDecimal.valueOf(numerator).compareTo(threshold.multiply(BigDecimal.valueOf(denominator))) < 0;
    }

    private static double ratio(long numerator, long denominator) {
        return (double) numerator / denominator;
    }

    /** As the bulletin prints rates: 96.67%, 98%, 100%. */
    static String percent(long numerator, long denominator) {
        return percent(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
    }

    static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2)
                        .setScale(2, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }

    private String unitName(UnitMetrics metrics) {
        return metrics.unitName() == null ? metrics.unitId() : metrics.unitName();
    }

    private String shortName(UnitMetrics metrics) {
        return unitNames.shortName(metrics.unitName(), metrics.unitId());
    }

    private static String periodLabel(UnitMetrics metrics) {
        YearMonth month = YearMonth.parse(metrics.period());
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    static String channelLabel(Channel channel) {
        return channel == Channel.PHONE ? "话务端" : "网络端";
    }
}
