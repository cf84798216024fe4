package io.minxin.notice.targets;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monthly targets, as fractions (0.95 = 95%), and when a period counts as closed.
 *
 * @param satisfaction 满意率 target of a unit's period (0..1)
 * @param completion 办结率 target (0..1)
 * @param onTime 按时办结率 target (0..1)
 * @param closeAfterDays a period without a ranking revision is closed this many days after its end; 0 waits
 *     for the ranking revision only
 * @param closeCheckInterval how often the periods past {@code closeAfterDays} are looked for
 */
@ConfigurationProperties("minxin.notice.targets")
public record TargetSettings(
        @DefaultValue("0.95") BigDecimal satisfaction,
        @DefaultValue("0.95") BigDecimal completion,
        @DefaultValue("1.0") BigDecimal onTime,
        @DefaultValue("10") int closeAfterDays,
        @DefaultValue("PT1H") Duration closeCheckInterval) {

    public Map<Target, BigDecimal> thresholds() {
        Map<Target, BigDecimal> thresholds = new EnumMap<>(Target.class);
        thresholds.put(Target.SATISFACTION, satisfaction);
        thresholds.put(Target.COMPLETION, completion);
        thresholds.put(Target.ON_TIME, onTime);
        return thresholds;
    }
}
