package io.minxin.events.decision;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * An operator issues the bulletin of a period (revision 0), or a numbered 更正 of it (revision 1, 2, …): the
 * document as issued is frozen in the decision, so that nothing issued is ever overwritten and a replay of
 * {@code decisions} renders the same bytes.
 *
 * @param period the period
 * @param revision 0 for the bulletin, n for its n-th 更正
 * @param documentNumber 发文字号 as printed, e.g. 兴隆营商督字〔2020〕7号
 * @param changes for a 更正: what changed against the previous revision, one sentence each; empty for revision 0
 * @param document the frozen content of the document (notice-service's facts of the bulletin, as JSON)
 * @param jurisdiction the jurisdiction whose bulletin this is (an id of {@code minxin.unit.registered}), numbered in
 *     its own series; null for the platform's, which is what an issue recorded before bulletins were per jurisdiction
 *     means
 */
public record BulletinIssued(
        String period,
        int revision,
        String documentNumber,
        List<String> changes,
        ObjectNode document,
        String jurisdiction)
        implements DecisionBody {
    public static final String KIND = "bulletin-issued";

    /** An issue of the platform's bulletin. */
    public BulletinIssued(
            String period, int revision, String documentNumber, List<String> changes, ObjectNode document) {
        this(period, revision, documentNumber, changes, document, null);
    }

    public BulletinIssued {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(document, "document");
        if (revision < 0) {
            throw new IllegalArgumentException("revision must not be negative: " + revision);
        }
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    @Override
    public String key() {
        return key(period, jurisdiction);
    }

    /** The record key of every decision about the platform's bulletin of {@code period}. */
    public static String key(String period) {
        return "bulletin|" + period;
    }

    /**
     * The record key of every decision about the bulletin of {@code period} and {@code jurisdiction} (null: the
     * platform's, keyed as before bulletins were per jurisdiction).
     */
    public static String key(String period, String jurisdiction) {
        return jurisdiction == null ? key(period) : key(period) + "|" + jurisdiction;
    }
}
