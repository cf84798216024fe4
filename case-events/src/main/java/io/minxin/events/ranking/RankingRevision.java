package io.minxin.events.ranking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.minxin.events.Channel;
import java.time.Instant;
import java.util.List;

/**
 * One numbered ranking of one channel for one period. Revision 1 is frozen when the period is closed; a late
 * change of the inputs makes a pending revision N+1 that an operator publishes. Ranking-service also uses this
 * shape for views that are never published (status {@link RevisionStatus#LIVE} and {@link RevisionStatus#WHAT_IF},
 * revision 0).
 *
 * @param id deterministic: {@code period|channel|revision}, so closing twice yields the same revision
 * @param period {@code YYYY-MM}
 * @param revision 1, 2, ... (0 for an unnumbered view)
 * @param policy the policy version that ordered the rows
 * @param top how many places the policy honours (五佳: 5); rows with {@code rank <= top} are the best
 * @param closedAt when the period was closed (null for a live view)
 * @param createdAt when this revision was computed
 * @param publishedAt when it was published on {@code rankings} (null until then)
 * @param rows every eligible unit, best first; equal units share a rank (1, 1, 3)
 * @param notEligible units left out of the order, each with its reason
 * @param diff what changed against the previous revision (null for revision 1)
 * @param lists the named lists of the policy (红榜, 黑榜, ...); omitted in JSON when the policy names none
 */
public record RankingRevision(
        String id,
        String period,
        Channel channel,
        int revision,
        RevisionStatus status,
        PolicyRef policy,
        int top,
        Instant closedAt,
        Instant createdAt,
        Instant publishedAt,
        List<RankingRow> rows,
        List<NotEligibleUnit> notEligible,
        RevisionDiff diff,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RankedList> lists) {

    public RankingRevision {
        rows = rows == null ? List.of() : List.copyOf(rows);
        notEligible = notEligible == null ? List.of() : List.copyOf(notEligible);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    /** A revision of a policy without named lists. */
    public RankingRevision(
            String id,
            String period,
            Channel channel,
            int revision,
            RevisionStatus status,
            PolicyRef policy,
            int top,
            Instant closedAt,
            Instant createdAt,
            Instant publishedAt,
            List<RankingRow> rows,
            List<NotEligibleUnit> notEligible,
            RevisionDiff diff) {
        this(
                id,
                period,
                channel,
                revision,
                status,
                policy,
                top,
                closedAt,
                createdAt,
                publishedAt,
                rows,
                notEligible,
                diff,
                List.of());
    }

    /** Kafka key on {@code rankings}: {@code period|channel}. */
    public static String key(String period, Channel channel) {
        return period + "|" + channel;
    }

    /**
     * Kafka key of the live view of an open period on {@code rankings}: {@code period|channel|LIVE}. A key of its
     * own, so that compaction never drops a published revision for a live view.
     */
    public static String liveKey(String period, Channel channel) {
        return key(period, channel) + "|" + RevisionStatus.LIVE;
    }

    /** Deterministic revision id: {@code period|channel|revision}. */
    public static String idOf(String period, Channel channel, int revision) {
        return key(period, channel) + "|" + revision;
    }

    /** Kafka key on {@code rankings}: {@link #liveKey} for a live view, else {@link #key(String, Channel)}. */
    public String key() {
        return status == RevisionStatus.LIVE ? liveKey(period, channel) : key(period, channel);
    }

    /** This revision with other rows, e.g. only the best of them. */
    public RankingRevision withRows(List<RankingRow> newRows) {
        return copy(status, publishedAt, newRows, diff);
    }

    public RankingRevision withDiff(RevisionDiff newDiff) {
        return copy(status, publishedAt, rows, newDiff);
    }

    /** This revision as published at {@code at}. */
    public RankingRevision published(Instant at) {
        return copy(RevisionStatus.PUBLISHED, at, rows, diff);
    }

    private RankingRevision copy(
            RevisionStatus newStatus, Instant newPublishedAt, List<RankingRow> newRows, RevisionDiff newDiff) {
        return new RankingRevision(
                id,
                period,
                channel,
                revision,
                newStatus,
                policy,
                top,
                closedAt,
                createdAt,
                newPublishedAt,
                newRows,
                notEligible,
                newDiff,
                lists);
    }

    /** The rows of the best {@code top} places; a tie on the last place keeps every tied unit. */
    public List<RankingRow> topRows() {
        return rows.stream().filter(row -> row.rank() <= top).toList();
    }
}
