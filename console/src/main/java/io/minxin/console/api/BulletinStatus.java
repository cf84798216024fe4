package io.minxin.console.api;

import java.time.Instant;

/**
 * What the console shows of a bulletin ({@code GET /api/v1/bulletins/{period}}) beside its rendered preview: draft
 * or issued, and of an issued one its 发文字号, when and by whom.
 *
 * @param status DRAFT or ISSUED
 * @param revision 0 the bulletin, n its n-th 更正; of a draft, the revision its issue would make
 */
public record BulletinStatus(
        String period, String status, int revision, String documentNumber, Instant issuedAt, String issuedBy) {

    public boolean issued() {
        return "ISSUED".equals(status);
    }
}
