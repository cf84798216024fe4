package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A named list of a ranking, as its policy defines it (五佳 or 红榜 from the top, 黑榜 or 较差 from the bottom).
 *
 * @param name as the policy names it
 * @param from {@code TOP} or {@code BOTTOM}
 * @param tier the tier the list is of; omitted in JSON when the policy has no tiers
 * @param unitIds the units on the list, in the order of the rows (best first)
 */
public record RankedList(
        String name,
        String from,
        @JsonInclude(JsonInclude.Include.NON_NULL) String tier,
        List<String> unitIds) {
    public RankedList {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }

    /** This list with only the units {@code visible} keeps, e.g. those a scoped caller may see. */
    public RankedList withUnits(List<String> visible) {
        return new RankedList(name, from, tier, visible);
    }
}
