package io.minxin.ranking.revision;

import io.minxin.events.Channel;
import io.minxin.events.ranking.PolicyRef;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RevisionStatus;
import io.minxin.events.ranking.RowChange;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** What the audit trail says about a close and a publication: the revisions, their policies and rank moves. */
final class RevisionAudits {

    /**
     * @param alreadyClosed the period was closed before this request (then nothing but a failed publication is
     *     repeated)
     * @param closedAt when the period was closed (the first close stands)
     * @param closedBy {@code operator} or {@code auto}, of the first close
     */
    record PeriodClosed(
            String period, boolean alreadyClosed, Instant closedAt, String closedBy, List<Frozen> revisions) {}

    /** A revision as a close left it. */
    record Frozen(String id, Channel channel, int revision, RevisionStatus status, PolicyRef policy, int rows) {}

    /**
     * @param previousStatus the status before this request ({@code PUBLISHED}: it was published already)
     * @param previousRevision the revision it revises
     * @param moves the rank changes against the previous revision
     */
    record RevisionPublished(
            String id,
            String period,
            Channel channel,
            int revision,
            RevisionStatus previousStatus,
            RevisionStatus status,
            Instant publishedAt,
            PolicyRef policy,
            Integer previousRevision,
            List<Move> moves) {}

    /** One unit's rank, before and after (null: not ranked). */
    record Move(String unitId, Integer previousRank, Integer rank) {}

    static PeriodClosed closed(String period, PeriodStore.ClosedPeriod before, List<RankingRevision> revisions) {
        Instant closedAt = before != null
                ? before.closedAt()
                : revisions.isEmpty() ? null : revisions.get(0).closedAt();
        return new PeriodClosed(
                period,
                before != null,
                closedAt,
                before != null ? before.trigger() : "operator",
                revisions.stream()
                        .map(revision -> new Frozen(
                                revision.id(),
                                revision.channel(),
                                revision.revision(),
                                revision.status(),
                                revision.policy(),
                                revision.rows().size()))
                        .toList());
    }

    static RevisionPublished published(RevisionStatus previousStatus, RankingRevision revision) {
        List<RowChange> changes =
                revision.diff() == null ? List.of() : revision.diff().changes();
        return new RevisionPublished(
                revision.id(),
                revision.period(),
                revision.channel(),
                revision.revision(),
                previousStatus,
                revision.status(),
                revision.publishedAt(),
                revision.policy(),
                revision.diff() == null ? null : revision.diff().previousRevision(),
                changes.stream()
                        .map(change -> new Move(change.unitId(), change.previousRank(), change.rank()))
                        .toList());
    }

    static String summary(PeriodClosed closed) {
        String revisions = closed.revisions().stream()
                .map(frozen -> frozen.channel() + " revision " + frozen.revision() + " " + frozen.status())
                .collect(Collectors.joining(", "));
        return (closed.alreadyClosed()
                        ? "closed period " + closed.period() + " again (closed at " + closed.closedAt() + " by "
                                + closed.closedBy() + "): "
                        : "closed period " + closed.period() + ": ")
                + revisions;
    }

    static String summary(RevisionPublished published) {
        return (published.previousStatus() == RevisionStatus.PUBLISHED ? "published again " : "published ")
                + "revision " + published.revision() + " of " + published.period() + " " + published.channel()
                + " (" + published.moves().size() + " rank changes)";
    }

    private RevisionAudits() {}
}
