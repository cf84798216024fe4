package io.minxin.metrics.casestate;

import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.Concluded;
import io.minxin.events.EventType;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.Merged;
import io.minxin.events.Returned;
import io.minxin.events.Signed;
import io.minxin.events.Visited;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.Indicator;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import io.minxin.events.state.ExcludedCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the distinct events of one case, and the operators' decisions about it, into its {@link CaseState}. The
 * result depends only on the set of events and decisions, never on the order they arrived in: events are sorted by
 * occurredAt, then type (accepted &lt; assigned &lt; signed &lt; returned &lt; extension decided &lt; concluded &lt;
 * visited &lt; reopened &lt; merged &lt; supervised), then id and source, and a repeated
 * (source, id) counts once; decisions are sorted as they supersede each other ({@link Decision#supersedes}: decidedAt,
 * then id), and a repeated id counts once.
 */
public final class CaseFolder {
    /** The order decisions supersede each other in: the last one about a subject stands. */
    public static final Comparator<Decision> DECISION_ORDER =
            Comparator.comparing(Decision::decidedAt).thenComparing(Decision::id);

    /** The folding order of the metric semantics. */
    public static final Comparator<CaseEvent> ORDER = Comparator.comparing(CaseEvent::occurredAt)
            .thenComparingInt(e -> typeRank(e.type()))
            .thenComparing(CaseEvent::id)
            .thenComparing(CaseEvent::source);

    /**
     * The case event types the counts are folded from: the four lifecycle events and, of the contract's optional
     * types, the re-handling (重办率), dispatch and sign-in (及时签收率), the decision on an extension (the handling
     * deadline), the merge (并单: a duplicate merged away counts nowhere) and supervision (督办率); the request for an
     * extension is not (yet) among them.
     */
    private static final Set<EventType> FOLDED = EnumSet.of(
            EventType.CASE_ACCEPTED,
            EventType.CASE_RETURNED,
            EventType.CASE_CONCLUDED,
            EventType.CASE_VISITED,
            EventType.CASE_REOPENED,
            EventType.CASE_ASSIGNED,
            EventType.CASE_SIGNED,
            EventType.CASE_EXTENSION_DECIDED,
            EventType.CASE_MERGED,
            EventType.CASE_SUPERVISED);

    private final AssessmentPeriod period;
    private final Deadlines deadlines;
    private final Deadlines signInDeadlines;
    private final Deadlines forwardDeadlines;

    /** A folder whose sign-in deadline is the end of the working day after the dispatch (Bengbu: 1 working day). */
    public CaseFolder(AssessmentPeriod period, Deadlines deadlines) {
        this(period, deadlines, WorkingDayDeadlines.signIn(WorkingDayDeadlines.DEFAULT_SIGN_IN_WORKING_DAYS));
    }

    /** A folder whose forwarding deadline is the end of the working day after the unit got the case. */
    public CaseFolder(AssessmentPeriod period, Deadlines deadlines, Deadlines signInDeadlines) {
        this(
                period,
                deadlines,
                signInDeadlines,
                WorkingDayDeadlines.forwarding(WorkingDayDeadlines.DEFAULT_DISPATCH_WORKING_DAYS));
    }

    /**
     * @param deadlines the handling deadline of an acceptance without its own dueAt
     * @param signInDeadlines the sign-in deadline of a dispatch
     * @param forwardDeadlines the deadline by which a unit that got the case passes it on (二级分转, 按时分转率)
     */
    public CaseFolder(
            AssessmentPeriod period, Deadlines deadlines, Deadlines signInDeadlines, Deadlines forwardDeadlines) {
        this.period = period;
        this.deadlines = deadlines;
        this.signInDeadlines = signInDeadlines;
        this.forwardDeadlines = forwardDeadlines;
    }

    public AssessmentPeriod period() {
        return period;
    }

    /** Whether events of {@code type} change a case's state ({@link #FOLDED}); the others are left alone. */
    public static boolean folds(EventType type) {
        return FOLDED.contains(type);
    }

    /**
     * Checks one event on its own for everything {@link #fold} needs of it, so that a history of checked events
     * always folds.
     *
     * @throws IllegalArgumentException naming the field that is missing or out of range
     */
    public void check(CaseEvent event) {
        if (!(event.data() instanceof CaseData data)) {
            throw new IllegalArgumentException(event.type() + " is not a case event");
        }
        require(data.caseId(), "data.caseId");
        require(event.occurredAt(), "data.occurredAt");
        if (!(data instanceof Visited) && !(data instanceof Merged)) {
            // a visit and a merge are the platform's (intake requires no unitId of either); the others are a unit's
            require(data.unitId(), "data.unitId");
        }
        if (data instanceof Accepted a) {
            require(a.channel(), "data.channel");
            period.nameOf(a.occurredAt());
            if (a.dueAt() == null) {
                deadlines.defaultDueAt(a.occurredAt());
            }
        } else if (data instanceof Assigned) {
            signInDeadlines.defaultDueAt(event.occurredAt());
        } else if (data instanceof ExtensionDecided e) {
            require(e.outcome(), "data.outcome");
            if (e.outcome() == ExtensionOutcome.APPROVED) {
                // the new deadline is what an approval is about; intake refuses one without it, a raw producer may not
                require(e.dueAt(), "data.dueAt");
            }
        } else if (data instanceof Visited v) {
            require(v.satisfaction(), "data.satisfaction");
        } else if (data instanceof Merged m) {
            // what a merge is about; intake refuses both, a raw producer may not
            require(m.intoCaseId(), "data.intoCaseId");
            if (m.intoCaseId().equals(m.caseId())) {
                throw new IllegalArgumentException("data.intoCaseId must name another case than data.caseId");
            }
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }

    /**
     * Whether metrics-service folds {@code decision} into the case {@code caseId}: a 推诿 ruling or an exclusion of that
     * case. Other kinds are not about the numbers.
     *
     * @throws IllegalArgumentException when it is one of those kinds but names another case
     */
    public static boolean foldable(String caseId, Decision decision) {
        String about;
        if (decision.body() instanceof PushbackRuling ruling) {
            about = ruling.caseId();
        } else if (decision.body() instanceof Exclusion exclusion) {
            about = exclusion.caseId();
        } else {
            return false;
        }
        if (!about.equals(caseId)) {
            throw new IllegalArgumentException(
                    "decision " + decision.id() + " is about case " + about + ", not " + caseId);
        }
        return true;
    }

    public CaseState fold(String caseId, Collection<CaseEvent> events) {
        return fold(caseId, events, List.of());
    }

    /** The state of a case from its events and the decisions about it (those that are not {@link #foldable} are left out). */
    public CaseState fold(String caseId, Collection<CaseEvent> events, Collection<Decision> decisions) {
        List<Decision> decided = sortedDistinctDecisions(caseId, decisions);
        return foldEvents(caseId, events, decided, ruling(decided), exclusionsInForce(caseId, decided));
    }

    /** The foldable decisions once per id (the first wins), in the order they supersede each other. */
    static List<Decision> sortedDistinctDecisions(String caseId, Collection<Decision> decisions) {
        Map<String, Decision> distinct = new LinkedHashMap<>();
        for (Decision decision : decisions) {
            if (foldable(caseId, decision)) {
                distinct.putIfAbsent(decision.id(), decision);
            }
        }
        List<Decision> sorted = new ArrayList<>(distinct.values());
        sorted.sort(DECISION_ORDER);
        return sorted;
    }

    /** The latest ruling, or null. */
    private static Decision ruling(List<Decision> sorted) {
        Decision latest = null;
        for (Decision decision : sorted) {
            if (decision.body() instanceof PushbackRuling) {
                latest = decision;
            }
        }
        return latest;
    }

    /**
     * Per indicator, the latest exclusion decision that names it stands: when it excludes, the indicator is excluded by
     * that decision; when it restores, by none. The result has one entry per decision that still excludes something.
     */
    private static List<ExcludedCase> exclusionsInForce(String caseId, List<Decision> sorted) {
        Map<Indicator, Decision> latest = new EnumMap<>(Indicator.class);
        for (Decision decision : sorted) {
            if (decision.body() instanceof Exclusion exclusion) {
                exclusion.indicators().forEach(indicator -> latest.put(indicator, decision));
            }
        }
        Map<Decision, List<Indicator>> byDecision = new LinkedHashMap<>();
        latest.forEach((indicator, decision) -> {
            if (((Exclusion) decision.body()).excluded()) {
                byDecision.computeIfAbsent(decision, d -> new ArrayList<>()).add(indicator);
            }
        });
        return byDecision.entrySet().stream()
                .map(entry -> {
                    Decision decision = entry.getKey();
                    return new ExcludedCase(
                            caseId,
                            entry.getValue(),
                            decision.reason(),
                            decision.id(),
                            decision.decidedAt(),
                            ((Exclusion) decision.body()).disputeId());
                })
                .sorted(ExcludedCase.ORDER)
                .toList();
    }

    private CaseState foldEvents(
            String caseId,
            Collection<CaseEvent> events,
            List<Decision> decided,
            Decision ruling,
            List<ExcludedCase> exclusions) {
        List<CaseEvent> sorted = sortedDistinct(events);
        List<Integer> acceptedAt = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).data() instanceof Accepted) {
                acceptedAt.add(i);
            }
        }
        List<CaseState.SignIn> signIns = signIns(sorted);
        List<CaseState.Forward> forwards = forwards(sorted);
        List<CaseState.Acceptance> acceptances = new ArrayList<>();
        List<CaseState.Return> returns = new ArrayList<>();
        List<CaseState.HistoryEntry> history = new ArrayList<>();
        CaseState.Visit visit = null;
        String title = null;
        String category = null;
        for (CaseEvent event : sorted) {
            history.add(new CaseState.HistoryEntry(
                    event.id(), event.source(), event.type(), event.occurredAt(), ((CaseData) event.data()).unitId()));
            if (event.data() instanceof Accepted) {
                Accepted a = (Accepted) event.data();
                acceptances.add(new CaseState.Acceptance(a.unitId(), a.unitName(), a.occurredAt(), a.dueAt()));
                title = title == null ? a.title() : title;
                category = category == null ? a.category() : category;
            } else if (event.data() instanceof Returned) {
                Returned r = (Returned) event.data();
                returns.add(new CaseState.Return(r.unitId(), r.reason(), r.occurredAt()));
            } else if (event.data() instanceof Visited) {
                Visited v = (Visited) event.data();
                visit = new CaseState.Visit(v.satisfaction(), v.excellent(), v.occurredAt());
            }
        }
        if (acceptedAt.isEmpty()) {
            return new CaseState(
                    caseId,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    acceptances,
                    returns,
                    null,
                    visit,
                    false,
                    history,
                    history.size() + decided.size(),
                    null,
                    decided,
                    ruling,
                    exclusions,
                    signIns,
                    null,
                    forwards);
        }
        Accepted first = (Accepted) sorted.get(acceptedAt.get(0)).data();
        int latestIndex = acceptedAt.get(acceptedAt.size() - 1);
        Accepted latest = (Accepted) sorted.get(latestIndex).data();
        Instant dueAt = latest.dueAt() != null ? latest.dueAt() : deadlines.defaultDueAt(latest.occurredAt());
        boolean returnedByOwner = false;
        int conclusionIndex = -1;
        for (int i = latestIndex + 1; i < sorted.size(); i++) {
            CaseData data = (CaseData) sorted.get(i).data();
            if (data instanceof Returned && data.unitId().equals(latest.unitId())) {
                returnedByOwner = true;
            } else if (data instanceof Concluded) {
                conclusionIndex = i;
            }
        }
        dueAt = extended(sorted, latestIndex, conclusionIndex < 0 ? sorted.size() : conclusionIndex, latest, dueAt);
        String mergedInto = mergedInto(sorted, latestIndex);
        CaseState.Conclusion conclusion = null;
        CaseState.Pushback pushback = null;
        if (conclusionIndex >= 0) {
            Concluded c = (Concluded) sorted.get(conclusionIndex).data();
            conclusion = new CaseState.Conclusion(
                    c.unitId(), c.reply(), c.occurredAt(), !c.occurredAt().isAfter(dueAt));
            // a duplicate merged away is no 推诿 candidate: it counts nowhere, so notice-service reviews it nowhere
            pushback = mergedInto != null ? null : pushback(sorted, conclusionIndex, c.unitId());
        }
        return new CaseState(
                caseId,
                period.nameOf(first.occurredAt()),
                first.channel(),
                title,
                category,
                first.occurredAt(),
                returnedByOwner ? null : latest.unitId(),
                returnedByOwner ? null : latest.unitName(),
                dueAt,
                acceptances,
                returns,
                conclusion,
                visit,
                pushback != null,
                history,
                history.size() + decided.size(),
                pushback,
                decided,
                ruling,
                exclusions,
                signIns,
                mergedInto,
                forwards);
    }

    /**
     * 并单: the case merged into by the latest merge ordered after the latest acceptance (at {@code latestIndex}), as a
     * conclusion is; null when there is none, so a new acceptance after a merge makes the case one of its own again.
     */
    private static String mergedInto(List<CaseEvent> sorted, int latestIndex) {
        String into = null;
        for (int i = latestIndex + 1; i < sorted.size(); i++) {
            if (sorted.get(i).data() instanceof Merged m) {
                into = m.intoCaseId();
            }
        }
        return into;
    }

    /**
     * The handling deadline moved by an extension (延期): the due date of the latest extension approved for the owner
     * (the unit of the latest acceptance, at {@code latestIndex}) ordered after that acceptance and before the
     * conclusion that counts (at {@code end}, or the end of the events), else {@code dueAt}. A refusal leaves the
     * deadline as it was; an approval after the conclusion cannot make a late conclusion timely.
     */
    private static Instant extended(List<CaseEvent> sorted, int latestIndex, int end, Accepted latest, Instant dueAt) {
        Instant extended = dueAt;
        for (int i = latestIndex + 1; i < end; i++) {
            if (sorted.get(i).data() instanceof ExtensionDecided e
                    && e.outcome() == ExtensionOutcome.APPROVED
                    && e.unitId().equals(latest.unitId())) {
                extended = e.dueAt();
            }
        }
        return extended;
    }

    /**
     * 签收 per dispatched unit: its latest dispatch ({@code minxin.case.assigned}) and its first sign-in ordered after
     * it, on time when not after the sign-in deadline of that dispatch; in the order of those dispatches. A sign-in
     * without a dispatch before it (a platform that records sign-ins only) is not assessed.
     */
    private List<CaseState.SignIn> signIns(List<CaseEvent> sorted) {
        Map<String, Integer> latestDispatch = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).data() instanceof Assigned a) {
                latestDispatch.remove(a.unitId());
                latestDispatch.put(a.unitId(), i);
            }
        }
        List<CaseState.SignIn> signIns = new ArrayList<>(latestDispatch.size());
        latestDispatch.forEach((unitId, index) -> {
            Assigned dispatch = (Assigned) sorted.get(index).data();
            Instant signedAt = null;
            for (int i = index + 1; i < sorted.size() && signedAt == null; i++) {
                if (sorted.get(i).data() instanceof Signed s && s.unitId().equals(unitId)) {
                    signedAt = s.occurredAt();
                }
            }
            Instant dueAt = signInDeadlines.defaultDueAt(dispatch.occurredAt());
            signIns.add(new CaseState.SignIn(
                    unitId,
                    dispatch.unitName(),
                    dispatch.role(),
                    dispatch.occurredAt(),
                    dueAt,
                    signedAt,
                    signedAt != null && !signedAt.isAfter(dueAt)));
        });
        return signIns;
    }

    /**
     * 二级分转 per unit that passed the case on: the unit got the case at its earliest acceptance or dispatch (as target),
     * and its first dispatch of the case to another unit ordered after that ({@code dispatcher} its id) counts, on
     * time when not after the forwarding deadline of the moment it got the case; in the order of those dispatches. A
     * dispatcher that never got the case (the platform's seat) passes on nothing.
     */
    private List<CaseState.Forward> forwards(List<CaseEvent> sorted) {
        Map<String, Instant> receivedAt = new LinkedHashMap<>();
        Map<String, CaseState.Forward> forwards = new LinkedHashMap<>();
        for (CaseEvent event : sorted) {
            if (event.data() instanceof Assigned a
                    && a.dispatcher() != null
                    && !a.dispatcher().equals(a.unitId())
                    && receivedAt.containsKey(a.dispatcher())
                    && !forwards.containsKey(a.dispatcher())) {
                Instant got = receivedAt.get(a.dispatcher());
                Instant dueAt = forwardDeadlines.defaultDueAt(got);
                forwards.put(
                        a.dispatcher(),
                        new CaseState.Forward(
                                a.dispatcher(),
                                got,
                                a.occurredAt(),
                                dueAt,
                                !a.occurredAt().isAfter(dueAt)));
            }
            if (event.data() instanceof Accepted || event.data() instanceof Assigned) {
                receivedAt.putIfAbsent(((CaseData) event.data()).unitId(), event.occurredAt());
            }
        }
        return List.copyOf(forwards.values());
    }

    /** The events once per (source, id), in folding order; of two with the same identity the first wins. */
    public static List<CaseEvent> sortedDistinct(Collection<CaseEvent> events) {
        Map<String, CaseEvent> distinct = new LinkedHashMap<>();
        for (CaseEvent event : events) {
            distinct.putIfAbsent(event.dedupeKey(), event);
        }
        List<CaseEvent> sorted = new ArrayList<>(distinct.values());
        sorted.sort(ORDER);
        return sorted;
    }

    /**
     * Confirmed 推诿, decided here and nowhere else: the unit that concluded the case (the event at {@code
     * conclusionIndex}) has returned it before, in folding order (a return at the same instant comes first). The
     * returns are those of that unit before the conclusion, oldest first; null when it has none.
     */
    private static CaseState.Pushback pushback(List<CaseEvent> sorted, int conclusionIndex, String unitId) {
        List<CaseState.Return> returns = new ArrayList<>();
        for (int i = 0; i < conclusionIndex; i++) {
            if (sorted.get(i).data() instanceof Returned r && unitId.equals(r.unitId())) {
                returns.add(new CaseState.Return(r.unitId(), r.reason(), r.occurredAt()));
            }
        }
        return returns.isEmpty() ? null : new CaseState.Pushback(unitId, returns);
    }

    private static int typeRank(EventType type) {
        switch (type) {
            case CASE_ACCEPTED:
                return 0;
            case CASE_ASSIGNED:
                return 1;
            case CASE_SIGNED:
                return 2;
            case CASE_RETURNED:
                return 3;
            case CASE_EXTENSION_DECIDED:
                return 4;
            case CASE_CONCLUDED:
                return 5;
            case CASE_VISITED:
                return 6;
            case CASE_REOPENED:
                return 7;
            case CASE_MERGED:
                return 8;
            case CASE_SUPERVISED:
                return 9;
            default:
                return 10;
        }
    }
}
