package io.minxin.console.api;

import java.time.Instant;
import java.util.List;

/**
 * An issued revision of a bulletin ({@code GET /api/v1/bulletins/{period}/revisions}): 0 the bulletin, n its n-th
 * 更正, with its own 发文字号, who issued it when, why (a 更正's statement) and what it changed.
 */
public record BulletinRevision(
        String period,
        int revision,
        String documentNumber,
        Instant issuedAt,
        String issuedBy,
        String reason,
        List<String> changes) {

    public BulletinRevision {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** How the page names it: 通报 or 第 n 次更正. */
    public String label() {
        return revision == 0 ? "通报" : "第 " + revision + " 次更正";
    }
}
