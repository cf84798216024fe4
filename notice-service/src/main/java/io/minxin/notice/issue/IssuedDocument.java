package io.minxin.notice.issue;

import io.minxin.notice.bulletin.BulletinFacts;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a {@code BulletinIssued} decision freezes as its {@code document}: the facts of the bulletin as issued and,
 * for a 更正, its own number and date. Rendering needs nothing else (and the texts), so a replay of the decisions
 * renders the same bytes without counters or live data.
 *
 * @param facts the bulletin's facts; for a 更正 the corrected ones, with the corrected bulletin's 文号, 期号, date
 * @param correction null for revision 0
 */
record IssuedDocument(BulletinFacts facts, Correction correction) {
    IssuedDocument {
        Objects.requireNonNull(facts, "facts");
    }

    /**
     * A 更正's own numbering.
     *
     * @param number its 发文字号
     * @param issueDate its 印发日期
     */
    record Correction(BulletinFacts.DocumentNumber number, LocalDate issueDate) {
        Correction {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(issueDate, "issueDate");
        }
    }
}
