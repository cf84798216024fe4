package io.minxin.notice.issue;

import static io.minxin.events.decision.BulletinEdited.ISSUE_DATE;
import static io.minxin.events.decision.BulletinEdited.ISSUING_OFFICE;
import static io.minxin.events.decision.BulletinEdited.NUMBER;
import static io.minxin.events.decision.BulletinEdited.OFFICE;
import static io.minxin.events.decision.BulletinEdited.REPORT_TO;
import static io.minxin.events.decision.BulletinEdited.REQUIREMENTS;
import static io.minxin.events.decision.BulletinEdited.SEND_TO;
import static io.minxin.events.decision.BulletinEdited.SEQUENCE;
import static io.minxin.events.decision.BulletinEdited.SIGNER;

import io.minxin.events.decision.BulletinEdited;
import io.minxin.events.decision.Decision;
import io.minxin.notice.bulletin.BulletinFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operators' edits of a period's bulletin ({@link BulletinEdited} decisions), merged field by field: per field
 * (and per case for the explanations) the edit that supersedes the others ({@link Decision#supersedes}) stands, so
 * the result depends on the set of edits, not on the order they were read in, and an edit read twice changes
 * nothing. Plain Java.
 */
final class DraftEdits {
    /** The key of one case's explanation among the edits is this and its caseId. */
    static final String EXPLANATION_KEY = BulletinEdited.EXPLANATIONS + ".";

    /** Who edited a field last: the key (or account), when, and the decision. */
    record Edit(String by, Instant at, String decision) {}

    static final DraftEdits NONE = of(List.of());

    private final Map<String, Decision> by = new TreeMap<>();
    private final Map<String, Object> values = new HashMap<>();

    private DraftEdits() {}

    /** The merged edits among {@code decisions}; other kinds of decisions are ignored. */
    static DraftEdits of(Collection<Decision> decisions) {
        DraftEdits edits = new DraftEdits();
        decisions.forEach(edits::offer);
        return edits;
    }

    private void offer(Decision decision) {
        if (!(decision.body() instanceof BulletinEdited edit)) {
            return;
        }
        offer(SIGNER, edit.signer(), decision);
        offer(NUMBER, edit.number(), decision);
        offer(SEQUENCE, edit.sequence(), decision);
        offer(ISSUE_DATE, edit.issueDate(), decision);
        offer(OFFICE, edit.office(), decision);
        offer(ISSUING_OFFICE, edit.issuingOffice(), decision);
        offer(REPORT_TO, edit.reportTo(), decision);
        offer(SEND_TO, edit.sendTo(), decision);
        offer(REQUIREMENTS, edit.requirements(), decision);
        if (edit.explanations() != null) {
            edit.explanations().forEach((caseId, text) -> offer(EXPLANATION_KEY + caseId, text, decision));
        }
    }

    private void offer(String field, Object value, Decision decision) {
        if (value == null) {
            return;
        }
        Decision current = by.get(field);
        if (current == null || decision.supersedes(current)) {
            by.put(field, decision);
            values.put(field, value);
        }
    }

    /** Per edited field (explanations as {@code explanations.<caseId>}), who edited it last; in field order. */
    Map<String, Edit> edited() {
        Map<String, Edit> edited = new TreeMap<>();
        by.forEach((field, decision) ->
                edited.put(field, new Edit(decision.decidedBy(), decision.decidedAt(), decision.id())));
        return edited;
    }

    boolean isEmpty() {
        return by.isEmpty();
    }

    Integer number() {
        return (Integer) values.get(NUMBER);
    }

    Integer sequence() {
        return (Integer) values.get(SEQUENCE);
    }

    LocalDate issueDate() {
        return (LocalDate) values.get(ISSUE_DATE);
    }

    /**
     * The facts with the edits applied: the issue's signer and office (and, with {@code numbers}, its 文号, 期号
     * and date: not for a 更正, which keeps those of the bulletin it corrects), the explanation of each case of
     * table 3 an edit names (a blank edit gives the generated one back), the distribution, the requirements (an
     * empty list gives the generated ones back).
     */
    BulletinFacts apply(BulletinFacts facts, boolean numbers) {
        BulletinFacts.Issue issue = facts.issue();
        LocalDate issueDate = numbers && issueDate() != null ? issueDate() : issue.issueDate();
        BulletinFacts.DocumentNumber number = issue.number();
        if (numbers && (number() != null || issueDate() != null)) {
            number = new BulletinFacts.DocumentNumber(
                    number.prefix(),
                    issueDate() != null ? issueDate.getYear() : number.year(),
                    number() != null ? number() : number.sequence());
        }
        BulletinFacts.Issue edited = new BulletinFacts.Issue(
                issue.header(),
                text(OFFICE, issue.office()),
                number,
                numbers && sequence() != null ? sequence() : issue.sequence(),
                text(SIGNER, issue.signer()),
                issueDate,
                issue.title());
        BulletinFacts.Distribution distribution = facts.distribution();
        return facts.edited(
                edited,
                explanations(facts),
                new BulletinFacts.Distribution(
                        list(REPORT_TO, distribution.reportTo()),
                        list(SEND_TO, distribution.sendTo()),
                        text(ISSUING_OFFICE, distribution.issuingOffice())),
                list(REQUIREMENTS, facts.requirements()));
    }

    private List<String> explanations(BulletinFacts facts) {
        List<String> explanations = new ArrayList<>();
        for (int i = 0; i < facts.poorCases().size(); i++) {
            String generated =
                    i < facts.explanations().size() ? facts.explanations().get(i) : "";
            String edited = (String)
                    values.get(EXPLANATION_KEY + facts.poorCases().get(i).caseId());
            explanations.add(edited == null || edited.isBlank() ? generated : edited);
        }
        // explanations without a case of table 3 (there should be none) are kept as they were
        for (int i = facts.poorCases().size(); i < facts.explanations().size(); i++) {
            explanations.add(facts.explanations().get(i));
        }
        return explanations;
    }

    private String text(String field, String unedited) {
        String value = (String) values.get(field);
        return value == null ? unedited : value;
    }

    @SuppressWarnings("unchecked")
    private List<String> list(String field, List<String> unedited) {
        List<String> value = (List<String>) values.get(field);
        return value == null ? unedited : value;
    }
}
