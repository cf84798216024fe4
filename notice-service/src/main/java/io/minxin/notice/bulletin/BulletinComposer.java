package io.minxin.notice.bulletin;

import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Heading;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Table;
import io.minxin.notice.bulletin.BulletinFacts.PhoneRow;
import io.minxin.notice.bulletin.BulletinFacts.PoorCase;
import io.minxin.notice.bulletin.BulletinFacts.WebRow;
import io.minxin.notice.bulletin.BulletinTexts.Slot;
import io.minxin.notice.bulletin.BulletinTexts.Text;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the bulletin of a period from its facts: the texts are the sentences of the reference bulletin, their
 * slots filled with the facts. The same facts and texts always give the same bulletin.
 */
public final class BulletinComposer {

    private static final DateTimeFormatter DUTY_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final BulletinTexts texts;

    public BulletinComposer(BulletinTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    /** A composer with the reference bulletin's wording. */
    public static BulletinComposer withDefaultTexts() {
        return new BulletinComposer(BulletinTexts.defaults());
    }

    public Bulletin compose(BulletinFacts facts) {
        return compose(facts, false);
    }

    private Bulletin compose(BulletinFacts facts, boolean rankingPending) {
        BulletinFacts.Issue issue = facts.issue();
        BulletinFacts.DocumentNumber number = issue.number();
        Bulletin.Masthead masthead = new Bulletin.Masthead(
                issue.header(), documentNumber(number), texts.format(Text.SIGNER_LABEL), issue.signer());

        List<Block> body = new ArrayList<>();
        body.add(paragraph(Text.INTRO, month(facts), day(facts.from()), day(facts.to())));
        overview(facts, body);
        ranking(facts, rankingPending, body);
        requirements(facts, body);

        return new Bulletin(
                facts.period(),
                issue.issueDate(),
                issue.office(),
                masthead,
                issue.title() != null ? issue.title() : texts.format(Text.TITLE),
                texts.format(Text.ISSUE_SEQUENCE, Integer.toString(issue.sequence())),
                body,
                imprint(facts.distribution(), issue.issueDate()));
    }

    /** The draft of a bulletin: as {@link #compose}, every page marked as a draft (草稿). */
    public Bulletin composeDraft(BulletinFacts facts) {
        return composeDraft(facts, false);
    }

    /**
     * The draft of a bulletin, as {@link #composeDraft(BulletinFacts)}; with {@code rankingPending} (no ranking of
     * either channel, published or live, has reached notice-service yet) the ranking sentence says the month's
     * ranking is not there yet instead of "no 五佳 unit this month", which would be false of units that are ranked.
     * An issued bulletin always has its closed period's ranking, and {@link #compose} keeps the 无“五佳” wording.
     */
    public Bulletin composeDraft(BulletinFacts facts, boolean rankingPending) {
        Bulletin bulletin = compose(facts, rankingPending);
        return new Bulletin(
                bulletin.period(),
                bulletin.issueDate(),
                bulletin.author(),
                bulletin.masthead(),
                bulletin.title(),
                bulletin.subtitle(),
                bulletin.body(),
                bulletin.imprint(),
                texts.format(Text.DRAFT_MARK));
    }

    /**
     * A 更正 of an issued bulletin, as a document of its own: its own 发文字号 and date, the title 关于《…》的更正, the
     * sentence naming the corrected bulletin (date, title, 发文字号), what changed as numbered items, then the
     * corrected bulletin in full, so that a reader holds one document that is right.
     *
     * @param facts the corrected bulletin's facts (its issue: the corrected bulletin's numbers and date)
     */
    public Bulletin composeCorrection(BulletinFacts facts, Correction correction) {
        Bulletin corrected = compose(facts);
        BulletinFacts.Issue issue = facts.issue();
        List<Block> body = new ArrayList<>();
        LocalDate originalDate = issue.issueDate();
        body.add(paragraph(
                Text.CORRECTION_LEAD,
                issue.office(),
                Integer.toString(originalDate.getYear()),
                Integer.toString(originalDate.getMonthValue()),
                Integer.toString(originalDate.getDayOfMonth()),
                corrected.title(),
                corrected.masthead().documentNumber()));
        int number = 0;
        for (String change : correction.changes()) {
            body.add(new Item(++number, List.of(new Bulletin.Run(change, false))));
        }
        body.add(paragraph(Text.CORRECTION_FULL_TEXT));
        body.add(new Heading(corrected.title() + corrected.subtitle()));
        body.addAll(corrected.body());
        Bulletin.Masthead masthead = new Bulletin.Masthead(
                issue.header(),
                correction.documentNumber(),
                corrected.masthead().signerLabel(),
                issue.signer());
        return new Bulletin(
                facts.period(),
                correction.issueDate(),
                issue.office(),
                masthead,
                texts.format(Text.CORRECTION_TITLE, corrected.title()),
                texts.format(
                        Text.CORRECTION_SUBTITLE,
                        Integer.toString(issue.sequence()),
                        Integer.toString(correction.revision())),
                body,
                imprint(facts.distribution(), correction.issueDate()));
    }

    /**
     * What a 更正 says of itself.
     *
     * @param revision n: the n-th 更正 of the bulletin
     * @param documentNumber its own 发文字号, as printed
     * @param issueDate its 印发日期
     * @param changes what changed against the previous revision, one sentence each
     */
    public record Correction(int revision, String documentNumber, LocalDate issueDate, List<String> changes) {
        public Correction {
            Objects.requireNonNull(documentNumber, "documentNumber");
            Objects.requireNonNull(issueDate, "issueDate");
            changes = List.copyOf(changes);
        }
    }

    /** A 发文字号 as printed, e.g. 兴隆营商督字〔2020〕7号. */
    public String documentNumber(BulletinFacts.DocumentNumber number) {
        return texts.format(
                Text.DOCUMENT_NUMBER,
                number.prefix(),
                Integer.toString(number.year()),
                Integer.toString(number.sequence()));
    }

    private void overview(BulletinFacts facts, List<Block> body) {
        BulletinFacts.Overview overview = facts.overview();
        body.add(new Heading(texts.format(Text.HEADING_OVERVIEW)));
        body.add(paragraph(
                Text.OVERVIEW,
                Integer.toString(facts.period().getYear()),
                month(facts),
                Long.toString(overview.casesReceived()),
                fixed(overview.completionRate()),
                fixed(overview.onTimeRate()),
                fixed(overview.satisfactionRate()),
                fixed(overview.excellentRate())));
    }

    private void ranking(BulletinFacts facts, boolean pending, List<Block> body) {
        body.add(new Heading(texts.format(Text.HEADING_RANKING)));
        String separator = texts.format(Text.RANKING_SEPARATOR);
        String poorPart = facts.poorCases().isEmpty()
                ? texts.format(Text.RANKING_POOR_NONE)
                : texts.format(
                        Text.RANKING_POOR,
                        facts.poorCases().get(0).unitName(),
                        Integer.toString(facts.poorCases().size()));
        String lead = texts.format(
                Text.RANKING_LEAD, Integer.toString(facts.overview().unitsInvolved()));
        String sentence = pending
                ? lead
                        + String.join(separator, texts.format(Text.RANKING_PENDING), poorPart)
                        + texts.format(Text.RANKING_END)
                : lead
                        + String.join(
                                separator,
                                facts.phoneTop().isEmpty()
                                        ? texts.format(Text.RANKING_PHONE_NONE)
                                        : texts.format(
                                                Text.RANKING_PHONE,
                                                facts.phoneTop().get(0).unitName(),
                                                Integer.toString(
                                                        facts.phoneTop().size())),
                                facts.webTop().isEmpty()
                                        ? texts.format(Text.RANKING_WEB_NONE)
                                        : texts.format(
                                                Text.RANKING_WEB,
                                                facts.webTop().get(0).unitName(),
                                                Integer.toString(facts.webTop().size())),
                                poorPart)
                        + texts.format(Text.RANKING_END);
        body.add(new Paragraph(List.of(new Bulletin.Run(sentence, false))));
        if (facts.liveRanking()) {
            body.add(paragraph(Text.RANKING_LIVE));
        }

        if (!facts.phoneTop().isEmpty()) {
            body.add(table(
                    Text.TABLE_PHONE_CAPTION,
                    Text.TABLE_PHONE_COLUMNS,
                    facts.phoneTop().stream().map(this::phoneCells).toList()));
        }
        if (!facts.webTop().isEmpty()) {
            body.add(table(
                    Text.TABLE_WEB_CAPTION,
                    Text.TABLE_WEB_COLUMNS,
                    facts.webTop().stream().map(this::webCells).toList()));
        }
        if (!facts.poorCases().isEmpty()) {
            body.add(table(
                    Text.TABLE_POOR_CAPTION,
                    Text.TABLE_POOR_COLUMNS,
                    facts.poorCases().stream().map(BulletinComposer::poorCells).toList()));
        }
        if (!facts.explanations().isEmpty()) {
            body.add(paragraph(Text.EXPLANATIONS_LEAD));
            int number = 0;
            for (String explanation : facts.explanations()) {
                body.add(new Item(++number, List.of(new Bulletin.Run(explanation, false))));
            }
        }
    }

    private void requirements(BulletinFacts facts, List<Block> body) {
        body.add(new Heading(texts.format(Text.HEADING_REQUIREMENTS)));
        body.add(paragraph(Text.REQUIREMENTS_LEAD));
        List<List<Bulletin.Run>> items = facts.requirements().isEmpty()
                ? generatedRequirements(facts.targets())
                : facts.requirements().stream()
                        .map(text -> List.of(new Bulletin.Run(text, false)))
                        .toList();
        for (int i = 0; i < items.size(); i++) {
            body.add(new Item(i + 1, items.get(i)));
        }
    }

    private List<List<Bulletin.Run>> generatedRequirements(BulletinFacts.Targets targets) {
        List<List<Bulletin.Run>> items = new ArrayList<>();
        if (!texts.isBlank(Text.REQUIREMENT_TARGETS)) {
            items.add(texts.runs(
                    Text.REQUIREMENT_TARGETS,
                    Slot.plain(trimmed(targets.satisfaction())),
                    Slot.plain(trimmed(targets.completion())),
                    Slot.plain(trimmed(targets.onTime()))));
        }
        if (!texts.isBlank(Text.REQUIREMENT_REMINDER)) {
            items.add(texts.runs(Text.REQUIREMENT_REMINDER));
        }
        if (!texts.isBlank(Text.REQUIREMENT_DUTY)) {
            items.add(texts.runs(
                    Text.REQUIREMENT_DUTY,
                    Slot.strong(DUTY_TIME.format(targets.dutyCutoff())),
                    Slot.plain(Integer.toString(targets.toleratedMissedDays()))));
        }
        return items;
    }

    private Bulletin.Imprint imprint(BulletinFacts.Distribution distribution, LocalDate issueDate) {
        String separator = texts.format(Text.LIST_SEPARATOR);
        List<String> lines = new ArrayList<>();
        if (!distribution.reportTo().isEmpty()) {
            lines.add(texts.format(Text.REPORT_TO, String.join(separator, distribution.reportTo())));
        }
        if (!distribution.sendTo().isEmpty()) {
            lines.add(texts.format(Text.SEND_TO, String.join(separator, distribution.sendTo())));
        }
        return new Bulletin.Imprint(
                lines,
                distribution.issuingOffice(),
                texts.format(
                        Text.ISSUED_ON,
                        Integer.toString(issueDate.getYear()),
                        Integer.toString(issueDate.getMonthValue()),
                        Integer.toString(issueDate.getDayOfMonth())));
    }

    private List<String> phoneCells(PhoneRow row) {
        return List.of(
                Integer.toString(row.rank()),
                row.unitName(),
                trimmed(row.completionRate()),
                trimmed(row.onTimeRate()),
                trimmed(row.satisfactionRate()),
                trimmed(row.excellentRate()));
    }

    private List<String> webCells(WebRow row) {
        return List.of(
                Integer.toString(row.rank()),
                row.unitName(),
                fixed(row.completionRate()),
                fixed(row.onTimeRate()),
                fixed(row.satisfactionRate()),
                fixed(row.excellentRate()),
                Formats.score(row.bonus()),
                Formats.score(row.penalty()),
                Formats.score(row.total()));
    }

    private static List<String> poorCells(PoorCase poorCase) {
        return List.of(
                Integer.toString(poorCase.seq()),
                poorCase.caseId(),
                poorCase.title(),
                poorCase.unitName(),
                poorCase.reason());
    }

    private Table table(Text caption, Text columns, List<List<String>> rows) {
        return new Table(texts.format(caption), texts.list(columns), rows);
    }

    private Paragraph paragraph(Text text, String... values) {
        return new Paragraph(List.of(new Bulletin.Run(texts.format(text, values), false)));
    }

    private String day(LocalDate date) {
        return texts.format(Text.DAY, Integer.toString(date.getMonthValue()), Integer.toString(date.getDayOfMonth()));
    }

    private static String month(BulletinFacts facts) {
        return Integer.toString(facts.period().getMonthValue());
    }

    private String trimmed(Double rate) {
        return Formats.percentTrimmed(rate, texts.format(Text.MISSING_VALUE));
    }

    private String fixed(Double rate) {
        return Formats.percentFixed(rate, texts.format(Text.MISSING_VALUE));
    }
}
