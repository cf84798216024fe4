package io.minxin.events.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.Channel;
import io.minxin.events.EventType;
import io.minxin.events.HandlingRole;
import io.minxin.events.Satisfaction;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.PushbackRuling;
import java.time.Instant;
import java.util.List;

/**
 * Everything known about one case, folded from its distinct events in the order of
 * {@code data.occurredAt} (never arrival order): the value of the compacted topic {@code case-state}, key
 * caseId. A case with no acceptance yet is pending: no period, channel or owner, and it counts nowhere.
 *
 * @param period {@code YYYY-MM} of the earliest acceptance, null while pending
 * @param channel channel of the earliest acceptance
 * @param title the appeal (诉求问题) as given by the earliest acceptance that has one
 * @param acceptedAt occurredAt of the earliest acceptance
 * @param owner unitId of the latest acceptance, null when that unit returned the case after it (waiting
 *     for re-assignment) or while pending
 * @param ownerName unitName of the latest acceptance
 * @param dueAt the handling deadline: of the latest acceptance (its dueAt, or the default number of working days after
 *     it), moved by the latest extension (延期) approved for the owner after that acceptance and before the conclusion
 * @param acceptances every acceptance, oldest first
 * @param returns every return (退件), oldest first
 * @param conclusion the latest conclusion after the latest acceptance, or null
 * @param visit the latest follow-up visit, or null
 * @param pushback confirmed 推诿: concluded by a unit that returned the case before the conclusion, as
 *     metrics-service decides it ({@code CaseFolder}); readers take the decision from here, never decide again
 * @param history every distinct event of the case, in folding order
 * @param version number of distinct events and decisions folded; grows with every change
 * @param confirmedPushback what made the case a confirmed 推诿 (the unit, its returns), null unless {@code pushback}
 *     (and then there is a conclusion); optional in JSON: a record written before it existed has {@code pushback}
 *     without it
 * @param decisions every distinct decision about the case that metrics-service folds (kinds {@code pushback-ruling}
 *     and {@code exclusion}), in the order they supersede each other (decidedAt, then id): the case's timeline of
 *     human decisions; omitted in JSON when none
 * @param ruling the operator's ruling that stands on the 推诿 candidate (the latest {@code pushback-ruling} decision),
 *     null when none; it decides where {@code pushbacks} counts ({@link #pushbackUnit()}), while {@code pushback} and
 *     {@code confirmedPushback} stay the candidate as the events make it
 * @param exclusions the exclusions (剔除) in force, one per decision that still excludes an indicator, with those
 *     indicators, ordered by decidedAt, then decision id; omitted in JSON when none
 * @param signIns 签收: one per unit the case was dispatched to ({@code minxin.case.assigned}), for its latest dispatch,
 *     in the order of those dispatches; omitted in JSON when none (a platform that sends no dispatches)
 * @param mergedInto 并单: the case this one, a duplicate appeal, was merged into ({@code intoCaseId} of the latest
 *     {@code minxin.case.merged} ordered after the latest acceptance), null when no merge stands (none, or a new
 *     acceptance after it); a merged case counts nowhere and is no 推诿 candidate. Omitted in JSON when null, so a
 *     record written before it reads as not merged
 * @param forwards 二级分转: one per unit that passed the case on (a {@code minxin.case.assigned} whose dispatcher is a
 *     unit that got the case before, by an acceptance or a dispatch), its first onward dispatch after it got the case,
 *     in the order of those dispatches; omitted in JSON when none
 */
public record CaseState(
        String caseId,
        String period,
        Channel channel,
        String title,
        String category,
        Instant acceptedAt,
        String owner,
        String ownerName,
        Instant dueAt,
        List<Acceptance> acceptances,
        List<Return> returns,
        Conclusion conclusion,
        Visit visit,
        boolean pushback,
        List<HistoryEntry> history,
        long version,
        Pushback confirmedPushback,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Decision> decisions,
        Decision ruling,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ExcludedCase> exclusions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SignIn> signIns,
        String mergedInto,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Forward> forwards) {

    public CaseState {
        forwards = forwards == null ? List.of() : List.copyOf(forwards);
        signIns = signIns == null ? List.of() : List.copyOf(signIns);
        acceptances = acceptances == null ? List.of() : List.copyOf(acceptances);
        returns = returns == null ? List.of() : List.copyOf(returns);
        history = history == null ? List.of() : List.copyOf(history);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        if (confirmedPushback != null && (!pushback || conclusion == null)) {
            throw new IllegalArgumentException(
                    "confirmedPushback of case " + caseId + " without pushback or conclusion");
        }
        if (ruling != null && !(ruling.body() instanceof PushbackRuling)) {
            throw new IllegalArgumentException(
                    "ruling " + ruling.id() + " of case " + caseId + " is no pushback ruling");
        }
    }

    /** A case state without forwards, as before they were folded. */
    public CaseState(
            String caseId,
            String period,
            Channel channel,
            String title,
            String category,
            Instant acceptedAt,
            String owner,
            String ownerName,
            Instant dueAt,
            List<Acceptance> acceptances,
            List<Return> returns,
            Conclusion conclusion,
            Visit visit,
            boolean pushback,
            List<HistoryEntry> history,
            long version,
            Pushback confirmedPushback,
            List<Decision> decisions,
            Decision ruling,
            List<ExcludedCase> exclusions,
            List<SignIn> signIns,
            String mergedInto) {
        this(
                caseId,
                period,
                channel,
                title,
                category,
                acceptedAt,
                owner,
                ownerName,
                dueAt,
                acceptances,
                returns,
                conclusion,
                visit,
                pushback,
                history,
                version,
                confirmedPushback,
                decisions,
                ruling,
                exclusions,
                signIns,
                mergedInto,
                List.of());
    }

    /** A case state that was not merged, as before merges were folded. */
    public CaseState(
            String caseId,
            String period,
            Channel channel,
            String title,
            String category,
            Instant acceptedAt,
            String owner,
            String ownerName,
            Instant dueAt,
            List<Acceptance> acceptances,
            List<Return> returns,
            Conclusion conclusion,
            Visit visit,
            boolean pushback,
            List<HistoryEntry> history,
            long version,
            Pushback confirmedPushback,
            List<Decision> decisions,
            Decision ruling,
            List<ExcludedCase> exclusions,
            List<SignIn> signIns) {
        this(
                caseId,
                period,
                channel,
                title,
                category,
                acceptedAt,
                owner,
                ownerName,
                dueAt,
                acceptances,
                returns,
                conclusion,
                visit,
                pushback,
                history,
                version,
                confirmedPushback,
                decisions,
                ruling,
                exclusions,
                signIns,
                null);
    }

    /** A case state without sign-ins, as before they were folded. */
    public CaseState(
            String caseId,
            String period,
            Channel channel,
            String title,
            String category,
            Instant acceptedAt,
            String owner,
            String ownerName,
            Instant dueAt,
            List<Acceptance> acceptances,
            List<Return> returns,
            Conclusion conclusion,
            Visit visit,
            boolean pushback,
            List<HistoryEntry> history,
            long version,
            Pushback confirmedPushback,
            List<Decision> decisions,
            Decision ruling,
            List<ExcludedCase> exclusions) {
        this(
                caseId,
                period,
                channel,
                title,
                category,
                acceptedAt,
                owner,
                ownerName,
                dueAt,
                acceptances,
                returns,
                conclusion,
                visit,
                pushback,
                history,
                version,
                confirmedPushback,
                decisions,
                ruling,
                exclusions,
                List.of());
    }

    /** A case state without decisions, as before they existed. */
    public CaseState(
            String caseId,
            String period,
            Channel channel,
            String title,
            String category,
            Instant acceptedAt,
            String owner,
            String ownerName,
            Instant dueAt,
            List<Acceptance> acceptances,
            List<Return> returns,
            Conclusion conclusion,
            Visit visit,
            boolean pushback,
            List<HistoryEntry> history,
            long version,
            Pushback confirmedPushback) {
        this(
                caseId,
                period,
                channel,
                title,
                category,
                acceptedAt,
                owner,
                ownerName,
                dueAt,
                acceptances,
                returns,
                conclusion,
                visit,
                pushback,
                history,
                version,
                confirmedPushback,
                List.of(),
                null,
                List.of(),
                List.of());
    }

    /** The ruling that stands on the 推诿 candidate, or null. */
    public PushbackRuling pushbackRuling() {
        return ruling == null ? null : (PushbackRuling) ruling.body();
    }

    /**
     * The unit the 推诿 (较差件) of this case is charged to, or null: none unless the case is a candidate
     * ({@code pushback}); none when the ruling dismissed it; the responsible unit when the ruling named one
     * (REASSIGNED); otherwise (confirmed, or no ruling yet) the candidate.
     */
    public String pushbackUnit() {
        if (!pushback) {
            return null;
        }
        String candidate = confirmedPushback != null
                ? confirmedPushback.unitId()
                : conclusion == null ? null : conclusion.unitId();
        PushbackRuling decided = pushbackRuling();
        if (decided == null) {
            return candidate;
        }
        return switch (decided.verdict()) {
            case DISMISSED -> null;
            case REASSIGNED -> decided.responsibleUnitId() != null ? decided.responsibleUnitId() : candidate;
            case CONFIRMED -> candidate;
        };
    }

    /** No acceptance yet: the case belongs to no period and counts nowhere. */
    public boolean pending() {
        return period == null;
    }

    /** 并单: merged into {@link #mergedInto()} after its latest acceptance, so it counts nowhere. */
    public boolean merged() {
        return mergedInto != null;
    }

    /** How many times a unit returned this case. */
    public long returnsBy(String unitId) {
        return returns.stream().filter(r -> r.unitId().equals(unitId)).count();
    }

    /** 受理: one assignment of the case to a unit; dueAt as given by the platform (may be null). */
    public record Acceptance(String unitId, String unitName, Instant occurredAt, Instant dueAt) {}

    /** 退件: the unit sent the case back with a reason. */
    public record Return(String unitId, String reason, Instant occurredAt) {}

    /** 办结, with whether it met the deadline of the latest acceptance. */
    public record Conclusion(String unitId, String reply, Instant occurredAt, boolean onTime) {}

    /** 回访. */
    public record Visit(Satisfaction satisfaction, boolean excellent, Instant occurredAt) {
        /** The citizen was reached: the visit counts in 满意率 and 优秀率. */
        public boolean answered() {
            return satisfaction != null && satisfaction.answered();
        }
    }

    /**
     * Confirmed 推诿 (较差件): {@code unitId} returned the case and later concluded it itself.
     *
     * @param unitId the unit that pushed the case back, which is the unit of the conclusion
     * @param returns its returns ordered before the conclusion, oldest first (at least one): the ones that made it
     */
    public record Pushback(String unitId, List<Return> returns) {
        public Pushback {
            returns = returns == null ? List.of() : List.copyOf(returns);
        }
    }

    /**
     * 签收 of one dispatch (派单): the unit's latest dispatch of the case and its first sign-in after it.
     *
     * @param role 主办 (lead) or 协办 (co-handling), as the dispatch says
     * @param dueAt the sign-in deadline: the policy's working days after the dispatch's local day, at 23:59:59
     * @param signedAt the first sign-in by the unit ordered after that dispatch; null while the case is not signed
     * @param onTime signed, and not after {@code dueAt}
     */
    public record SignIn(
            String unitId,
            String unitName,
            HandlingRole role,
            Instant dispatchedAt,
            Instant dueAt,
            Instant signedAt,
            boolean onTime) {}

    /**
     * 二级分转 by one unit: it got the case (the target of an acceptance or a dispatch) and passed it on.
     *
     * @param receivedAt when the unit first got the case: its earliest acceptance or dispatch
     * @param forwardedAt its first dispatch of the case to another unit ordered after {@code receivedAt}
     * @param dueAt the forwarding deadline: the dispatch working days after {@code receivedAt}'s local day, at 23:59:59
     * @param onTime forwarded not after {@code dueAt}
     */
    public record Forward(String unitId, Instant receivedAt, Instant forwardedAt, Instant dueAt, boolean onTime) {}

    /** One distinct event of the case (CloudEvents id and source are its identity). */
    public record HistoryEntry(String id, String source, EventType type, Instant occurredAt, String unitId) {}
}
