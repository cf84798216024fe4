package io.minxin.notice.bulletin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Everything one monthly bulletin (通报) says, as plain values. Rates are fractions in [0, 1]; a null rate had
 * a zero denominator and is shown as "—". Text values (unit names, titles, explanations) are data: they are
 * printed literally, never interpreted.
 *
 * @param period the assessment period, e.g. 2020-09
 * @param from first day of the period (inclusive)
 * @param to last day of the period (inclusive)
 * @param issue who issues it, its number and date
 * @param overview 一、基本情况
 * @param phoneTop table 1: the 话务端 五佳, in rank order
 * @param webTop table 2: the 网络端 五佳, in rank order
 * @param poorCases table 3: the 较差件
 * @param explanations the explanations of the 较差件, one paragraph each, without numbers (the bulletin numbers them)
 * @param targets the figures quoted in 三、工作要求
 * @param distribution 报/送 and the issuing office of the imprint
 * @param liveRanking whether tables 1 and 2 (either of them) are the live ranking of a period not closed yet, so the
 *     bulletin says the ranking is not frozen
 * @param requirements the numbered paragraphs of 三、工作要求 as an operator wrote them; empty: the generated ones
 */
public record BulletinFacts(
        YearMonth period,
        LocalDate from,
        LocalDate to,
        Issue issue,
        Overview overview,
        List<PhoneRow> phoneTop,
        List<WebRow> webTop,
        List<PoorCase> poorCases,
        List<String> explanations,
        Targets targets,
        Distribution distribution,
        boolean liveRanking,
        List<String> requirements) {

    /** Facts of a frozen ranking with the generated requirements. */
    public BulletinFacts(
            YearMonth period,
            LocalDate from,
            LocalDate to,
            Issue issue,
            Overview overview,
            List<PhoneRow> phoneTop,
            List<WebRow> webTop,
            List<PoorCase> poorCases,
            List<String> explanations,
            Targets targets,
            Distribution distribution) {
        this(
                period,
                from,
                to,
                issue,
                overview,
                phoneTop,
                webTop,
                poorCases,
                explanations,
                targets,
                distribution,
                false,
                List.of());
    }

    public BulletinFacts {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(overview, "overview");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(distribution, "distribution");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
        phoneTop = List.copyOf(phoneTop);
        webTop = List.copyOf(webTop);
        poorCases = List.copyOf(poorCases);
        explanations = List.copyOf(explanations);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
    }

    /** These facts, saying whether tables 1 and 2 are a live ranking. */
    public BulletinFacts withLiveRanking(boolean live) {
        return copy(issue, explanations, distribution, live, requirements);
    }

    /** These facts with another issue, explanations, distribution and requirements (an operator's edits). */
    public BulletinFacts edited(
            Issue newIssue, List<String> newExplanations, Distribution newDistribution, List<String> newRequirements) {
        return copy(newIssue, newExplanations, newDistribution, liveRanking, newRequirements);
    }

    private BulletinFacts copy(
            Issue newIssue,
            List<String> newExplanations,
            Distribution newDistribution,
            boolean live,
            List<String> newRequirements) {
        return new BulletinFacts(
                period,
                from,
                to,
                newIssue,
                overview,
                phoneTop,
                webTop,
                poorCases,
                newExplanations,
                targets,
                newDistribution,
                live,
                newRequirements);
    }

    /**
     * The 版头 and issue data.
     *
     * @param header 发文机关标志, e.g. 盘锦市兴隆台区营商环境建设局文件
     * @param office the issuing body, e.g. 区营商环境建设局 (the document's author)
     * @param number 发文字号
     * @param sequence the issue of the series, 第5期
     * @param signer 签发人
     * @param issueDate 印发日期
     * @param title the document's title when it is not the texts' {@code title}: a jurisdiction's bulletin's;
     *     null for the platform's (so its frozen facts read as before)
     */
    public record Issue(
            String header,
            String office,
            DocumentNumber number,
            int sequence,
            String signer,
            LocalDate issueDate,
            String title) {

        /** The issue data of a bulletin titled by the texts. */
        public Issue(
                String header, String office, DocumentNumber number, int sequence, String signer, LocalDate issueDate) {
            this(header, office, number, sequence, signer, issueDate, null);
        }

        public Issue {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(office, "office");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(signer, "signer");
            Objects.requireNonNull(issueDate, "issueDate");
            positive(sequence, "sequence");
        }
    }

    /** 发文字号: prefix, year and sequence, e.g. 兴隆营商督字〔2020〕7号. */
    public record DocumentNumber(String prefix, int year, int sequence) {
        public DocumentNumber {
            Objects.requireNonNull(prefix, "prefix");
            positive(year, "year");
            positive(sequence, "sequence");
        }
    }

    /** 一、基本情况: the district's totals of the period. */
    public record Overview(
            long casesReceived,
            int unitsInvolved,
            Double completionRate,
            Double onTimeRate,
            Double satisfactionRate,
            Double excellentRate) {
        public Overview {
            notNegative(casesReceived, "casesReceived");
            notNegative(unitsInvolved, "unitsInvolved");
            rates(completionRate, onTimeRate, satisfactionRate, excellentRate);
        }
    }

    /** A row of table 1 (话务端). */
    public record PhoneRow(
            int rank,
            String unitName,
            Double completionRate,
            Double onTimeRate,
            Double satisfactionRate,
            Double excellentRate) {
        public PhoneRow {
            positive(rank, "rank");
            Objects.requireNonNull(unitName, "unitName");
            rates(completionRate, onTimeRate, satisfactionRate, excellentRate);
        }
    }

    /** A row of table 2 (网络端), with the score view: 总分 = base + 加分 − 减分. */
    public record WebRow(
            int rank,
            String unitName,
            Double completionRate,
            Double onTimeRate,
            Double satisfactionRate,
            Double excellentRate,
            BigDecimal bonus,
            BigDecimal penalty,
            BigDecimal total) {
        public WebRow {
            positive(rank, "rank");
            Objects.requireNonNull(unitName, "unitName");
            rates(completionRate, onTimeRate, satisfactionRate, excellentRate);
            Objects.requireNonNull(bonus, "bonus");
            Objects.requireNonNull(penalty, "penalty");
            Objects.requireNonNull(total, "total");
        }
    }

    /**
     * A row of table 3: a badly handled case.
     *
     * @param seq 序号
     * @param caseId 部门编号
     * @param title 诉求问题
     * @param unitName 办理部门
     * @param reason 原因, e.g. 推诿
     */
    public record PoorCase(int seq, String caseId, String title, String unitName, String reason) {
        public PoorCase {
            positive(seq, "seq");
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(unitName, "unitName");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The figures 三、工作要求 quotes; they should be the ones the alerts use.
     *
     * @param satisfaction monthly satisfaction target (0.95)
     * @param completion monthly completion target (0.95)
     * @param onTime monthly on-time target (1.0)
     * @param dutyCutoff the daily duty check time (16:00)
     * @param toleratedMissedDays missed duty days in a month before a 提示函 (3: the 4th produces one)
     */
    public record Targets(
            double satisfaction, double completion, double onTime, LocalTime dutyCutoff, int toleratedMissedDays) {
        public Targets {
            rate(satisfaction, "satisfaction");
            rate(completion, "completion");
            rate(onTime, "onTime");
            Objects.requireNonNull(dutyCutoff, "dutyCutoff");
            notNegative(toleratedMissedDays, "toleratedMissedDays");
        }
    }

    /**
     * The 版记.
     *
     * @param reportTo 报 (superiors)
     * @param sendTo 送 (others)
     * @param issuingOffice 印发机关, e.g. 区营商环境建设局办公室
     */
    public record Distribution(List<String> reportTo, List<String> sendTo, String issuingOffice) {
        public Distribution {
            reportTo = List.copyOf(reportTo);
            sendTo = List.copyOf(sendTo);
            Objects.requireNonNull(issuingOffice, "issuingOffice");
        }
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void notNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    private static void rates(Double completion, Double onTime, Double satisfaction, Double excellent) {
        rate(completion, "completionRate");
        rate(onTime, "onTimeRate");
        rate(satisfaction, "satisfactionRate");
        rate(excellent, "excellentRate");
    }

    private static void rate(Double value, String name) {
        if (value != null && !(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a fraction in [0, 1]: " + value);
        }
    }
}
