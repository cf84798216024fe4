package io.minxin.console.bulletin;

import static io.minxin.events.decision.BulletinEdited.EXPLANATIONS;
import static io.minxin.events.decision.BulletinEdited.ISSUE_DATE;
import static io.minxin.events.decision.BulletinEdited.ISSUING_OFFICE;
import static io.minxin.events.decision.BulletinEdited.NUMBER;
import static io.minxin.events.decision.BulletinEdited.OFFICE;
import static io.minxin.events.decision.BulletinEdited.REPORT_TO;
import static io.minxin.events.decision.BulletinEdited.REQUIREMENTS;
import static io.minxin.events.decision.BulletinEdited.SEND_TO;
import static io.minxin.events.decision.BulletinEdited.SEQUENCE;
import static io.minxin.events.decision.BulletinEdited.SIGNER;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.BulletinDraft;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * The draft editor's form: what each field shows (what the operator typed, else the draft's value) and the edit it
 * makes, which names only the fields whose typed value differs from the draft's, so the API's trail says what the
 * operator changed. Lists (报, 送, 工作要求) are typed one entry a line; 文号, 期号 and 成文日期 only before the issue
 * (a 更正 keeps those of the bulletin it corrects). Public for the template.
 */
public final class DraftForm {
    static final String REASON = "reason";
    /** An explanation's form field is {@code explanation.<caseId>}; the API's key is the caseId. */
    static final String EXPLANATION = "explanation.";

    private static final List<String> NAMES = List.of(SIGNER, OFFICE, ISSUING_OFFICE);
    private static final List<String> LISTS = List.of(REPORT_TO, SEND_TO, REQUIREMENTS);
    private static final List<String> NUMBERS = List.of(NUMBER, SEQUENCE);

    private final BulletinDraft draft;
    private final Map<String, String> current;
    private final Map<String, String> typed;

    private DraftForm(BulletinDraft draft, Map<String, String> typed) {
        this.draft = draft;
        this.current = valuesOf(draft);
        this.typed = Map.copyOf(typed);
    }

    /** The form as the draft stands. */
    static DraftForm of(BulletinDraft draft) {
        return new DraftForm(draft, Map.of());
    }

    /** The form as the operator sent it, over the draft it was sent against. */
    static DraftForm typed(BulletinDraft draft, MultiValueMap<String, String> form) {
        Map<String, String> typed = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (!values.isEmpty() && values.get(0) != null && editable(draft, field)) {
                typed.put(field, values.get(0));
            }
        });
        return new DraftForm(draft, typed);
    }

    /** What the field shows: what was typed, else the draft's value. */
    public String value(String field) {
        return typed.getOrDefault(field, current.getOrDefault(field, ""));
    }

    /** How many lines a list's or text's box shows: all it holds and a free one, at least three. */
    public int rows(String field) {
        return Math.max(3, value(field).split("\\R", -1).length + 1);
    }

    /** What an explanation's field shows. */
    public String explanation(String caseId) {
        return value(EXPLANATION + caseId);
    }

    public BulletinDraft draft() {
        return draft;
    }

    /**
     * The {@code PATCH} body: every field whose typed value differs from the draft's, with the note; empty when
     * nothing differs.
     *
     * @throws ApiFailure 400 for a 文号, 期号 or date that is not one
     */
    Map<String, Object> edit() {
        Map<String, Object> edit = new LinkedHashMap<>();
        for (String field : NAMES) {
            if (changed(field, DraftForm::line)) {
                edit.put(field, line(typed.get(field)));
            }
        }
        if (!draft.correction()) {
            for (String field : NUMBERS) {
                if (changed(field, DraftForm::line)) {
                    edit.put(field, number(field, typed.get(field)));
                }
            }
            if (changed(ISSUE_DATE, DraftForm::line)) {
                edit.put(ISSUE_DATE, date(typed.get(ISSUE_DATE)));
            }
        }
        for (String field : LISTS) {
            if (changed(field, DraftForm::lines)) {
                edit.put(field, lines(typed.get(field)));
            }
        }
        Map<String, String> explanations = new LinkedHashMap<>();
        for (BulletinDraft.PoorCase poorCase : draft.facts().poorCases()) {
            String field = EXPLANATION + poorCase.caseId();
            if (changed(field, DraftForm::line)) {
                explanations.put(poorCase.caseId(), line(typed.get(field)));
            }
        }
        if (!explanations.isEmpty()) {
            edit.put(EXPLANATIONS, explanations);
        }
        String reason = line(typed.get(REASON));
        if (!edit.isEmpty() && !reason.isEmpty()) {
            edit.put(REASON, reason);
        }
        return edit;
    }

    /** A field of the draft an operator edited: its name on the page, who edited it last and when. */
    public record Edited(String field, String by, Instant at) {}

    /** The draft's edited fields, in the API's order (by field name). */
    public List<Edited> edited() {
        return draft.edits().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(edit -> new Edited(
                        label(edit.getKey()),
                        edit.getValue().by(),
                        edit.getValue().at()))
                .toList();
    }

    /** The fields an edit names, as the page says them. */
    static List<String> labels(Map<String, Object> edit) {
        List<String> labels = new ArrayList<>();
        edit.forEach((field, value) -> {
            if (value instanceof Map<?, ?> explanations) {
                explanations.keySet().forEach(caseId -> labels.add("件 " + caseId + " 的情况说明"));
            } else if (!REASON.equals(field)) {
                labels.add(label(field));
            }
        });
        return labels;
    }

    /** The Chinese name of a field of the draft ({@code explanations.<caseId>} too, as the API names edits). */
    public static String label(String field) {
        if (field.startsWith(EXPLANATIONS + ".")) {
            return "件 " + field.substring((EXPLANATIONS + ".").length()) + " 的情况说明";
        }
        return switch (field) {
            case SIGNER -> "签发人";
            case NUMBER -> "文号";
            case SEQUENCE -> "期号";
            case ISSUE_DATE -> "成文日期";
            case OFFICE -> "发文机关";
            case ISSUING_OFFICE -> "印发机关";
            case REPORT_TO -> "报";
            case SEND_TO -> "送";
            case REQUIREMENTS -> "工作要求";
            default -> field;
        };
    }

    private boolean changed(String field, Function<String, Object> normal) {
        String sent = typed.get(field);
        return sent != null && !Objects.equals(normal.apply(sent), normal.apply(current.getOrDefault(field, "")));
    }

    private static boolean editable(BulletinDraft draft, String field) {
        return !(draft.correction() && (NUMBERS.contains(field) || ISSUE_DATE.equals(field)));
    }

    private static Map<String, String> valuesOf(BulletinDraft draft) {
        Map<String, String> values = new LinkedHashMap<>();
        BulletinDraft.Facts facts = draft.facts();
        BulletinDraft.Issue issue = facts.issue();
        values.put(SIGNER, issue.signer());
        values.put(OFFICE, issue.office());
        values.put(NUMBER, Integer.toString(issue.number().sequence()));
        values.put(SEQUENCE, Integer.toString(issue.sequence()));
        values.put(
                ISSUE_DATE, issue.issueDate() == null ? "" : issue.issueDate().toString());
        values.put(ISSUING_OFFICE, facts.distribution().issuingOffice());
        values.put(REPORT_TO, String.join("\n", facts.distribution().reportTo()));
        values.put(SEND_TO, String.join("\n", facts.distribution().sendTo()));
        values.put(REQUIREMENTS, String.join("\n", facts.requirements()));
        for (int i = 0; i < facts.poorCases().size(); i++) {
            values.put(EXPLANATION + facts.poorCases().get(i).caseId(), facts.explanationOf(i));
        }
        return values;
    }

    private static String line(String value) {
        return value == null ? "" : value.strip();
    }

    /** One entry a line; blank lines are no entries. */
    private static List<String> lines(String value) {
        return Arrays.stream((value == null ? "" : value).split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static Integer number(String field, String value) {
        try {
            int number = Integer.parseInt(line(value));
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw ApiFailure.invalid(label(field), "请填写 1 以上的整数，填的是“" + line(value) + "”");
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(line(value));
        } catch (DateTimeParseException notADate) {
            throw ApiFailure.invalid(label(ISSUE_DATE), "请选择一个日期，填的是“" + line(value) + "”");
        }
    }
}
