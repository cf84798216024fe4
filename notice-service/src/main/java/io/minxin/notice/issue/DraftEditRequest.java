package io.minxin.notice.issue;

import io.minxin.events.decision.BulletinEdited;
import io.minxin.events.problem.FieldViolation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An operator's edit of a bulletin draft ({@code PATCH …/draft}): every field is optional, a null one is left as it
 * is; {@code reason} is the operator's note, kept with the decision.
 *
 * @param requirements the numbered paragraphs of 三、工作要求; an empty list gives the generated ones back
 * @param explanations per caseId of table 3, its explanation; a blank text gives the generated one back
 */
record DraftEditRequest(
        String signer,
        Integer number,
        Integer sequence,
        LocalDate issueDate,
        String office,
        String issuingOffice,
        List<String> reportTo,
        List<String> sendTo,
        List<String> requirements,
        Map<String, String> explanations,
        String reason) {
    static final int MAX_NAME = 60;
    static final int MAX_TEXT = 2000;
    static final int MAX_ITEMS = 30;
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    boolean isEmpty() {
        return signer == null
                && number == null
                && sequence == null
                && issueDate == null
                && office == null
                && issuingOffice == null
                && reportTo == null
                && sendTo == null
                && requirements == null
                && explanations == null;
    }

    /** Whether it edits what an issued bulletin keeps for good: its 文号, 期号 and date. */
    boolean editsNumbers() {
        return number != null || sequence != null || issueDate != null;
    }

    /**
     * What is wrong with it, each naming its field ({@code reportTo[1]}, {@code explanations.614418}).
     *
     * @param poorCases the caseIds of table 3 of the draft, the only cases an explanation can be given for
     */
    List<FieldViolation> violations(YearMonth period, Set<String> poorCases) {
        List<FieldViolation> violations = new ArrayList<>();
        if (isEmpty()) {
            violations.add(FieldViolation.of(
                    "body",
                    "names no field to edit; one of signer, number, sequence, issueDate, office, issuingOffice,"
                            + " reportTo, sendTo, requirements, explanations"));
        }
        name(violations, "signer", signer);
        name(violations, "office", office);
        name(violations, "issuingOffice", issuingOffice);
        positive(violations, "number", number);
        positive(violations, "sequence", sequence);
        if (issueDate != null && issueDate.isBefore(period.atDay(1))) {
            violations.add(FieldViolation.of(
                    "issueDate", "must not be before the period " + period + " starts, was " + issueDate));
        }
        names(violations, "reportTo", reportTo);
        names(violations, "sendTo", sendTo);
        if (requirements != null) {
            size(violations, "requirements", requirements);
            for (int i = 0; i < requirements.size(); i++) {
                text(violations, "requirements[" + i + "]", requirements.get(i), false);
            }
        }
        if (explanations != null) {
            explanations.forEach((caseId, text) -> {
                String field = "explanations." + caseId;
                if (!poorCases.contains(caseId)) {
                    violations.add(FieldViolation.of(
                            field, "is not a case of table 3 (较差件) of " + period + "; those are " + poorCases));
                } else {
                    text(violations, field, text, true);
                }
            });
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            violations.add(FieldViolation.of("reason", "must be at most " + MAX_TEXT + " characters"));
        }
        return violations;
    }

    BulletinEdited body(String period, String jurisdiction) {
        return new BulletinEdited(
                period,
                strip(signer),
                number,
                sequence,
                issueDate,
                strip(office),
                strip(issuingOffice),
                strip(reportTo),
                strip(sendTo),
                strip(requirements),
                explanations == null
                        ? null
                        : explanations.entrySet().stream()
                                .collect(Collectors.toMap(
                                        Map.Entry::getKey,
                                        entry -> entry.getValue().strip())),
                jurisdiction);
    }

    /** The names of the fields it edits, for the audit trail. */
    List<String> fields() {
        List<String> fields = new ArrayList<>();
        add(fields, "signer", signer);
        add(fields, "number", number);
        add(fields, "sequence", sequence);
        add(fields, "issueDate", issueDate);
        add(fields, "office", office);
        add(fields, "issuingOffice", issuingOffice);
        add(fields, "reportTo", reportTo);
        add(fields, "sendTo", sendTo);
        add(fields, "requirements", requirements);
        if (explanations != null) {
            explanations.keySet().stream().sorted().forEach(caseId -> fields.add("explanations." + caseId));
        }
        return fields;
    }

    private static void add(List<String> fields, String name, Object value) {
        if (value != null) {
            fields.add(name);
        }
    }

    private static void name(List<FieldViolation> violations, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            violations.add(FieldViolation.of(field, "must not be blank"));
        } else if (value.strip().length() > MAX_NAME) {
            violations.add(FieldViolation.of(field, "must be at most " + MAX_NAME + " characters"));
        } else if (LINE_BREAK.matcher(value).find()) {
            violations.add(FieldViolation.of(field, "must be one line"));
        }
    }

    private static void names(List<FieldViolation> violations, String field, List<String> values) {
        if (values == null) {
            return;
        }
        size(violations, field, values);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                violations.add(FieldViolation.of(field + "[" + i + "]", "must not be null"));
            } else {
                name(violations, field + "[" + i + "]", values.get(i));
            }
        }
    }

    private static void size(List<FieldViolation> violations, String field, List<String> values) {
        if (values.size() > MAX_ITEMS) {
            violations.add(FieldViolation.of(field, "must have at most " + MAX_ITEMS + " entries"));
        }
    }

    private static void text(List<FieldViolation> violations, String field, String value, boolean blankAllowed) {
        if (value == null || (!blankAllowed && value.isBlank())) {
            violations.add(FieldViolation.of(field, "must not be blank"));
        } else if (value.strip().length() > MAX_TEXT) {
            violations.add(FieldViolation.of(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static void positive(List<FieldViolation> violations, String field, Integer value) {
        if (value != null && (value < 1 || value > 99_999)) {
            violations.add(FieldViolation.of(field, "must be from 1 to 99999, was " + value));
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<String> strip(List<String> values) {
        return values == null ? null : values.stream().map(String::strip).toList();
    }
}
