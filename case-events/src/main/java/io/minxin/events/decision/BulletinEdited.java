package io.minxin.events.decision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An operator edits the draft of a period's bulletin before it is issued. A null field leaves what the draft
 * had; per field, the latest edit ({@link Decision#supersedes}) stands.
 *
 * @param period the period of the bulletin
 * @param signer 签发人
 * @param number the n of 发文字号 ({@code 〔year〕n号})
 * @param sequence 第N期
 * @param issueDate 印发日期
 * @param office the issuing body named in the text (区营商环境建设局)
 * @param issuingOffice 印发机关 of the 版记
 * @param reportTo 报
 * @param sendTo 送
 * @param requirements the paragraphs of 三、工作要求, replacing the generated ones
 * @param explanations per caseId, the explanation of a 较差件, replacing the generated account and ruling
 * @param jurisdiction the jurisdiction whose bulletin is edited (an id of {@code minxin.unit.registered}); null for
 *     the platform's, which is what an edit recorded before bulletins were per jurisdiction means
 */
public record BulletinEdited(
        String period,
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
        String jurisdiction)
        implements DecisionBody {
    public static final String KIND = "bulletin-edited";

    // The JSON names of the fields an edit sets: the body of PATCH …/draft, and the keys of the draft's edits
    // ("explanations.<caseId>" for one case's explanation), which the console writes and reads by these names.
    public static final String SIGNER = "signer";
    public static final String NUMBER = "number";
    public static final String SEQUENCE = "sequence";
    public static final String ISSUE_DATE = "issueDate";
    public static final String OFFICE = "office";
    public static final String ISSUING_OFFICE = "issuingOffice";
    public static final String REPORT_TO = "reportTo";
    public static final String SEND_TO = "sendTo";
    public static final String REQUIREMENTS = "requirements";
    public static final String EXPLANATIONS = "explanations";

    /** An edit of the platform's bulletin. */
    public BulletinEdited(
            String period,
            String signer,
            Integer number,
            Integer sequence,
            LocalDate issueDate,
            String office,
            String issuingOffice,
            List<String> reportTo,
            List<String> sendTo,
            List<String> requirements,
            Map<String, String> explanations) {
        this(
                period,
                signer,
                number,
                sequence,
                issueDate,
                office,
                issuingOffice,
                reportTo,
                sendTo,
                requirements,
                explanations,
                null);
    }

    public BulletinEdited {
        Objects.requireNonNull(period, "period");
        reportTo = reportTo == null ? null : List.copyOf(reportTo);
        sendTo = sendTo == null ? null : List.copyOf(sendTo);
        requirements = requirements == null ? null : List.copyOf(requirements);
        explanations = explanations == null ? null : Map.copyOf(explanations);
    }

    @Override
    public String key() {
        return BulletinIssued.key(period, jurisdiction);
    }
}
