package io.minxin.console.cases;

import io.minxin.console.api.Dispute;
import io.minxin.console.web.Formats;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.ReviewItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A unit's cases of a month as far as the APIs name them: no API lists a unit's cases, but its notices (推诿预警,
 * 较差件…), the 较差件 review queue and the disputes each carry case ids. Every case any of them names for the unit is
 * one row, with where it was named; the page says that other cases are found by their number. Plain Java; public
 * for the template.
 */
public final class CaseList {
    private static final Formats FORMATS = new Formats();

    /** One case of the unit: its id, its appeal as far as one source gives it, and why it is listed. */
    public record Row(String caseId, String title, List<String> reasons) {}

    private CaseList() {}

    static List<Row> of(String unitId, List<Notice> notices, List<ReviewItem> reviews, List<Dispute> disputes) {
        Map<String, Builder> rows = new TreeMap<>();
        for (Notice notice : notices) {
            if (notice.caseId() != null && unitId.equals(notice.unitId())) {
                rows.computeIfAbsent(notice.caseId(), Builder::new)
                        .add(null, FORMATS.noticeType(notice.type().name()));
            }
        }
        for (ReviewItem review : reviews) {
            if (unitId.equals(review.candidateUnitId()) || unitId.equals(review.chargedUnitId())) {
                rows.computeIfAbsent(review.caseId(), Builder::new)
                        .add(
                                review.title(),
                                "较差件复核：" + FORMATS.verdict(review.status().name()));
            }
        }
        for (Dispute dispute : disputes) {
            if (unitId.equals(dispute.unitId())) {
                rows.computeIfAbsent(dispute.caseId(), Builder::new)
                        .add(
                                null,
                                "申诉（" + FORMATS.disputeSubject(dispute.subject()) + "）："
                                        + FORMATS.disputeStatus(dispute.status()));
            }
        }
        return rows.values().stream().map(Builder::row).toList();
    }

    private static final class Builder {
        private final String caseId;
        private String title;
        private final List<String> reasons = new ArrayList<>();

        Builder(String caseId) {
            this.caseId = caseId;
        }

        void add(String appeal, String reason) {
            if (title == null && appeal != null && !appeal.isBlank()) {
                title = appeal;
            }
            if (!reasons.contains(reason)) {
                reasons.add(reason);
            }
        }

        Row row() {
            return new Row(caseId, title, List.copyOf(reasons));
        }
    }
}
