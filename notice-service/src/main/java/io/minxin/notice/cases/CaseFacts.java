package io.minxin.notice.cases;

import io.minxin.events.Channel;
import io.minxin.events.Satisfaction;
import io.minxin.events.state.CaseState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What notice-service keeps of a case to check disputes and exclusions against it: the units it had and what
 * was judged against each of them.
 *
 * @param units every unit the case had (accepted, returned or concluded it), in order of first appearance
 * @param owner the unit of the latest acceptance, null while it waits for re-assignment
 * @param returnsByUnit how many times each unit returned the case
 * @param concludedBy the unit of the conclusion, null while not concluded
 * @param onTime whether the conclusion met its deadline; null while not concluded
 * @param satisfaction the latest visit's answer, null without a visit
 * @param excellent whether the latest visit rated the handling excellent; null without a visit
 * @param version the case-state's version this was taken from
 */
public record CaseFacts(
        String caseId,
        String period,
        Channel channel,
        String title,
        String owner,
        List<String> units,
        Map<String, Integer> returnsByUnit,
        String concludedBy,
        Instant concludedAt,
        Boolean onTime,
        Satisfaction satisfaction,
        Boolean excellent,
        long version) {
    public CaseFacts {
        units = units == null ? List.of() : List.copyOf(units);
        returnsByUnit = returnsByUnit == null ? Map.of() : Map.copyOf(returnsByUnit);
    }

    /** The facts of a folded case; null for a pending one (no period: it counts nowhere). */
    public static CaseFacts of(CaseState state) {
        if (state.pending()) {
            return null;
        }
        LinkedHashSet<String> units = new LinkedHashSet<>();
        state.acceptances().forEach(acceptance -> units.add(acceptance.unitId()));
        Map<String, Integer> returns = new LinkedHashMap<>();
        state.returns().forEach(back -> {
            units.add(back.unitId());
            returns.merge(back.unitId(), 1, Integer::sum);
        });
        CaseState.Conclusion conclusion = state.conclusion();
        if (conclusion != null) {
            units.add(conclusion.unitId());
        }
        CaseState.Visit visit = state.visit();
        return new CaseFacts(
                state.caseId(),
                state.period(),
                state.channel(),
                state.title(),
                state.owner(),
                List.copyOf(units),
                returns,
                conclusion == null ? null : conclusion.unitId(),
                conclusion == null ? null : conclusion.occurredAt(),
                conclusion == null ? null : conclusion.onTime(),
                visit == null ? null : visit.satisfaction(),
                visit == null ? null : visit.excellent(),
                state.version());
    }

    /** Whether the unit had the case at all. */
    public boolean involves(String unitId) {
        return units.contains(unitId);
    }

    /** The unit the case's conclusion and visit are judged against: who concluded it, else who owns it. */
    public String handlingUnit() {
        return concludedBy != null ? concludedBy : owner;
    }

    public int returnsBy(String unitId) {
        return returnsByUnit.getOrDefault(unitId, 0);
    }
}
