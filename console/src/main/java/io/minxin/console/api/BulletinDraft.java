package io.minxin.console.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A bulletin's draft as the operator edits it ({@code GET /api/v1/bulletins/{period}/draft}): before the issue the
 * bulletin to be, after it the next 更正 to be, with what it would change and who edited which field last.
 *
 * @param revision the revision the draft's issue would make: 0 the bulletin, n its n-th 更正
 * @param documentNumber the 发文字号 it would get
 * @param changes of a 更正 draft: what it would change against the latest issued revision
 * @param edits per edited field ({@code signer}, {@code explanations.<caseId>}…), who edited it last and when
 */
public record BulletinDraft(
        String period,
        String status,
        int revision,
        String documentNumber,
        List<String> changes,
        Facts facts,
        Map<String, Edit> edits) {

    public BulletinDraft {
        changes = changes == null ? List.of() : List.copyOf(changes);
        edits = edits == null ? Map.of() : Map.copyOf(edits);
    }

    /** A 更正 draft: the bulletin was issued, its 文号, 期号 and date are kept for good. */
    public boolean correction() {
        return revision > 0;
    }

    /** Who edited a field last, when. */
    public record Edit(String by, Instant at, String decision) {}

    /** What the draft editor shows of the bulletin's facts; the rest stays in the API. */
    public record Facts(
            Issue issue,
            List<PoorCase> poorCases,
            List<String> explanations,
            Distribution distribution,
            List<String> requirements) {

        public Facts {
            poorCases = poorCases == null ? List.of() : List.copyOf(poorCases);
            explanations = explanations == null ? List.of() : List.copyOf(explanations);
            requirements = requirements == null ? List.of() : List.copyOf(requirements);
        }

        /** The explanation printed for the {@code index}-th 较差件 (the lists run in parallel). */
        public String explanationOf(int index) {
            return index < explanations.size() ? explanations.get(index) : "";
        }
    }

    /** 发文机关, 发文字号 (its n), 期号, 签发人 and 成文日期. */
    public record Issue(String office, DocumentNumber number, int sequence, String signer, LocalDate issueDate) {}

    public record DocumentNumber(String prefix, int year, int sequence) {}

    /** A 较差件 of table 3, whose explanation the operator may rewrite. */
    public record PoorCase(int seq, String caseId, String title, String unitName, String reason) {}

    /** 报, 送 and the 印发机关. */
    public record Distribution(List<String> reportTo, List<String> sendTo, String issuingOffice) {

        public Distribution {
            reportTo = reportTo == null ? List.of() : List.copyOf(reportTo);
            sendTo = sendTo == null ? List.of() : List.copyOf(sendTo);
        }
    }
}
