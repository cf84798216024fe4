package io.minxin.notice.bulletin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A composed bulletin: every text is final, the renderers only lay it out. Built by {@link BulletinComposer},
 * rendered by {@link BulletinRenderer}.
 *
 * @param period the assessment period
 * @param issueDate 印发日期; also the document's creation date, so a rendering is reproducible
 * @param author the issuing body
 * @param masthead 版头
 * @param title 标题
 * @param subtitle the issue line under the title, e.g. （第5期）
 * @param body 主体, in order
 * @param imprint 版记
 * @param draftMark the mark every page of a draft carries (草稿), null for an issued document
 */
public record Bulletin(
        YearMonth period,
        LocalDate issueDate,
        String author,
        Masthead masthead,
        String title,
        String subtitle,
        List<Block> body,
        Imprint imprint,
        String draftMark) {

    /** An issued document: no draft mark. */
    public Bulletin(
            YearMonth period,
            LocalDate issueDate,
            String author,
            Masthead masthead,
            String title,
            String subtitle,
            List<Block> body,
            Imprint imprint) {
        this(period, issueDate, author, masthead, title, subtitle, body, imprint, null);
    }

    public Bulletin {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(masthead, "masthead");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subtitle, "subtitle");
        body = List.copyOf(body);
        Objects.requireNonNull(imprint, "imprint");
    }

    /**
     * 版头.
     *
     * @param issuerMark 发文机关标志, printed red
     * @param documentNumber 发文字号
     * @param signerLabel e.g. 签发人：
     * @param signerName the signer
     */
    public record Masthead(String issuerMark, String documentNumber, String signerLabel, String signerName) {
        public Masthead {
            Objects.requireNonNull(issuerMark, "issuerMark");
            Objects.requireNonNull(documentNumber, "documentNumber");
            Objects.requireNonNull(signerLabel, "signerLabel");
            Objects.requireNonNull(signerName, "signerName");
        }
    }

    /**
     * 版记.
     *
     * @param distribution the 报 and 送 lines
     * @param issuingOffice 印发机关
     * @param issuedOn e.g. 2020 年 10 月 29 日印发
     */
    public record Imprint(List<String> distribution, String issuingOffice, String issuedOn) {
        public Imprint {
            distribution = List.copyOf(distribution);
            Objects.requireNonNull(issuingOffice, "issuingOffice");
            Objects.requireNonNull(issuedOn, "issuedOn");
        }
    }

    /** A piece of the body. */
    public sealed interface Block permits Heading, Paragraph, Item, Table, Addressee, Closing {}

    /** 主送机关 of a letter, flush left with a colon, e.g. 盘锦市兴隆台区振兴街道办事处： */
    public record Addressee(String text) implements Block {
        public Addressee {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * 落款 of a letter: the issuing body over the 成文日期, the date four characters in from the right.
     *
     * @param office 发文机关署名
     * @param date 成文日期, e.g. 2020年9月14日
     */
    public record Closing(String office, String date) implements Block {
        public Closing {
            Objects.requireNonNull(office, "office");
            Objects.requireNonNull(date, "date");
        }
    }

    /** A first-level heading such as 一、基本情况. */
    public record Heading(String text) implements Block {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A paragraph of running text. */
    public record Paragraph(List<Run> runs) implements Block {
        public Paragraph {
            runs = List.copyOf(runs);
        }

        public String text() {
            return Run.text(runs);
        }
    }

    /** A numbered paragraph: "1. …". The number is structure, not text. */
    public record Item(int number, List<Run> runs) implements Block {
        public Item {
            runs = List.copyOf(runs);
        }

        public String text() {
            return Run.text(runs);
        }
    }

    /** A table with a caption above it; every row has one cell per column. */
    public record Table(String caption, List<String> columns, List<List<String>> rows) implements Block {
        public Table {
            Objects.requireNonNull(caption, "caption");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            "row has " + row.size() + " cells for " + columns.size() + " columns: " + row);
                }
            }
        }
    }

    /** A stretch of text, possibly emphasised (the reference prints the duty time in bold). */
    public record Run(String text, boolean strong) {
        public Run {
            Objects.requireNonNull(text, "text");
        }

        static String text(List<Run> runs) {
            StringBuilder text = new StringBuilder();
            runs.forEach(run -> text.append(run.text()));
            return text.toString();
        }
    }
}
