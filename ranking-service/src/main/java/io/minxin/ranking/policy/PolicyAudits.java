package io.minxin.ranking.policy;

import io.minxin.events.Channel;
import io.minxin.events.EventJson;
import io.minxin.ranking.engine.RankingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** What the audit trail says about a policy change: which fields differ, and both versions. */
final class PolicyAudits {
    /** Fields every version has of its own: not a change of the rules. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt");

    /**
     * @param jurisdiction the jurisdiction whose policy changed; null (omitted) for the platform's
     * @param previousVersion the version replaced (null when the channel had none of this owner)
     * @param changed the fields whose value differs between the two versions, in the policy's order
     * @param before the replaced version's rules (null when none)
     * @param after the new version's rules
     */
    record PolicyChanged(
            String policyId,
            Channel channel,
            String jurisdiction,
            Integer previousVersion,
            int version,
            String effectiveFrom,
            List<String> changed,
            ObjectNode before,
            ObjectNode after) {}

    /** @param jurisdiction the owner of both versions; null for the platform */
    static PolicyChanged changed(RankingPolicy previous, RankingPolicy stored, String jurisdiction) {
        ObjectNode before = previous == null ? null : rules(previous);
        ObjectNode after = rules(stored);
        List<String> changed = new ArrayList<>();
        for (String field : after.propertyNames()) {
            if (before == null || !after.get(field).equals(before.get(field))) {
                changed.add(field);
            }
        }
        if (before != null) {
            for (String field : before.propertyNames()) {
                if (!after.has(field)) {
                    changed.add(field);
                }
            }
        }
        return new PolicyChanged(
                stored.id(),
                stored.channel(),
                jurisdiction,
                previous == null ? null : previous.version(),
                stored.version(),
                stored.effectiveFrom(),
                changed,
                before,
                after);
    }

    static String summary(PolicyChanged change) {
        return "stored " + change.policyId() + " version " + change.version() + ", effective from "
                + change.effectiveFrom()
                + (change.changed().isEmpty()
                        ? ", rules unchanged"
                        : ", changed " + String.join(", ", change.changed()));
    }

    private static ObjectNode rules(RankingPolicy policy) {
        ObjectNode node = EventJson.mapper().valueToTree(policy);
        BOOKKEEPING.forEach(node::remove);
        return node;
    }

    private PolicyAudits() {}
}
