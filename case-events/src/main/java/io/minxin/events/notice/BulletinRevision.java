package io.minxin.events.notice;

import java.time.Instant;
import java.util.List;

/**
 * An issued revision of a period's bulletin, without its facts, as notice-service lists it
 * ({@code GET /api/v1/bulletins/{period}/revisions}, and the audit trail of a 更正), which the console reads:
 * revision 0 the bulletin, n its n-th 更正.
 *
 * @param documentNumber 发文字号 as printed (a 更正's own)
 * @param issuedBy who issued it (key id or account)
 * @param reason the operator's reason (of a 更正: why it was corrected)
 * @param changes what the 更正 changed, one sentence each; empty for revision 0
 * @param jurisdiction the jurisdiction whose bulletin it is; null (omitted) for the platform's
 */
public record BulletinRevision(
        String period,
        int revision,
        String documentNumber,
        Instant issuedAt,
        String issuedBy,
        String reason,
        List<String> changes,
        String jurisdiction) {

    /** A revision of the platform's bulletin. */
    public BulletinRevision(
            String period,
            int revision,
            String documentNumber,
            Instant issuedAt,
            String issuedBy,
            String reason,
            List<String> changes) {
        this(period, revision, documentNumber, issuedAt, issuedBy, reason, changes, null);
    }

    public BulletinRevision {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
