package io.minxin.notice.issue;

import java.time.Instant;
import java.util.List;

/**
 * One issued revision of a period's bulletin, as collection {@code bulletins} keeps it (a projection of its
 * {@code BulletinIssued} decision): revision 0 is the bulletin, revision n its n-th 更正.
 *
 * @param documentNumber 发文字号 as printed (a 更正's own)
 * @param changes what the 更正 changed, one sentence each; empty for revision 0
 * @param decision the id of the decision
 * @param issuedBy who issued it (key id or account)
 * @param reason the operator's reason (of a 更正: why it was corrected)
 * @param jurisdiction whose bulletin it is; null for the platform's
 */
record IssuedRevision(
        String period,
        int revision,
        String documentNumber,
        List<String> changes,
        String decision,
        String issuedBy,
        Instant issuedAt,
        String reason,
        IssuedDocument document,
        String jurisdiction) {
    IssuedRevision {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
