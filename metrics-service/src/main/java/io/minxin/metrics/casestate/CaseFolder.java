package io.minxin.metrics.casestate;

import io.minxin.events.Accepted;
import io.minxin.events.CaseData;
import io.minxin.events.CaseEvent;
import io.minxin.events.Concluded;
import io.minxin.events.EventType;
import io.minxin.events.Returned;
import io.minxin.events.Visited;
import io.minxin.events.state.AssessmentPeriod;
import io.minxin.events.state.CaseState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the distinct events of one case into its {@link CaseState}. The result depends only on the set of
 * events, never on the order they arrived in: events are sorted by occurredAt, then type (accepted &lt;
 * returned &lt; concluded &lt; visited), then id and source, and a repeated (source, id) counts once.
 */
public final class CaseFolder {
    /** The folding order of the metric semantics. */
    public static final Comparator<CaseEvent> ORDER = Comparator.comparing(CaseEvent::occurredAt)
            .thenComparingInt(e -> typeRank(e.type()))
            .thenComparing(CaseEvent::id)
            .thenComparing(CaseEvent::source);

    private final AssessmentPeriod period;
    private final Deadlines deadlines;

    public CaseFolder(AssessmentPeriod period, Deadlines deadlines) {
        this.period = period;
        this.deadlines = deadlines;
    }

    public AssessmentPeriod period() {
        return period;
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
        if (!(data instanceof Visited)) {
            // a visit is the platform's; acceptances, returns and conclusions are a unit's
            require(data.unitId(), "data.unitId");
        }
        if (data instanceof Accepted a) {
            require(a.channel(), "data.channel");
            period.nameOf(a.occurredAt());
            if (a.dueAt() == null) {
                deadlines.defaultDueAt(a.occurredAt());
            }
        } else if (data instanceof Visited v) {
            require(v.satisfaction(), "data.satisfaction");
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
    }

    public CaseState fold(String caseId, Collection<CaseEvent> events) {
        List<CaseEvent> sorted = sortedDistinct(events);
        List<Integer> acceptedAt = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).data() instanceof Accepted) {
                acceptedAt.add(i);
            }
        }
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
                    history.size(),
                    null);
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
        CaseState.Conclusion conclusion = null;
        CaseState.Pushback pushback = null;
        if (conclusionIndex >= 0) {
            Concluded c = (Concluded) sorted.get(conclusionIndex).data();
            conclusion = new CaseState.Conclusion(
                    c.unitId(), c.reply(), c.occurredAt(), !c.occurredAt().isAfter(dueAt));
            pushback = pushback(sorted, conclusionIndex, c.unitId());
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
                history.size(),
                pushback);
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
            case CASE_RETURNED:
                return 1;
            case CASE_CONCLUDED:
                return 2;
            case CASE_VISITED:
                return 3;
            default:
                return 4;
        }
    }
}
