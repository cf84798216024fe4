package io.minxin.notice.bulletin;

import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Heading;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Run;
import io.minxin.notice.bulletin.Bulletin.Table;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CommonMark with pipe tables. Every text is escaped, so data can neither format the document nor break a
 * table; the reference's own punctuation (full-width, “quotes”, %) needs no escape and stays readable.
 */
final class MarkdownWriter {

    private static final String SPECIAL = "\\`*_[]<>|~#&";
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    // what would turn the start of a line into a list item or a setext underline
    private static final Pattern BLOCK_START = Pattern.compile("^(?:([0-9]{1,9})([.)])|([-+=]))");

    private MarkdownWriter() {}

    static String write(Bulletin bulletin) {
        StringBuilder md = new StringBuilder();
        Bulletin.Masthead masthead = bulletin.masthead();
        draftMark(md, bulletin);
        line(md, line(masthead.issuerMark()));
        line(md, line(masthead.documentNumber()));
        line(md, line(masthead.signerLabel() + masthead.signerName()));
        line(md, "---");
        line(md, "# " + line(bulletin.title()));
        line(md, line(bulletin.subtitle()));
        for (Block block : bulletin.body()) {
            block(md, block);
        }
        line(md, "---");
        for (String distribution : bulletin.imprint().distribution()) {
            line(md, line(distribution));
        }
        line(md, line(bulletin.imprint().issuingOffice()));
        line(md, line(bulletin.imprint().issuedOn()));
        draftMark(md, bulletin);
        return md.toString();
    }

    /** A draft says so first and last (Markdown has no pages). */
    private static void draftMark(StringBuilder md, Bulletin bulletin) {
        if (bulletin.draftMark() != null) {
            line(md, "> **" + escape(bulletin.draftMark()) + "**");
        }
    }

    private static void block(StringBuilder md, Block block) {
        if (block instanceof Heading heading) {
            line(md, "## " + line(heading.text()));
        } else if (block instanceof Paragraph paragraph) {
            line(md, lineStart(runs(paragraph.runs())));
        } else if (block instanceof Item item) {
            line(md, item.number() + ". " + lineStart(runs(item.runs())));
        } else if (block instanceof Bulletin.Addressee addressee) {
            line(md, lineStart(line(addressee.text())));
        } else if (block instanceof Bulletin.Closing closing) {
            line(md, lineStart(line(closing.office())) + "  \n" + lineStart(line(closing.date())));
        } else if (block instanceof Table table) {
            line(md, line(table.caption()));
            StringBuilder rows = new StringBuilder();
            row(rows, table.columns());
            rows.append('|').append("---|".repeat(table.columns().size())).append('\n');
            table.rows().forEach(row -> row(rows, row));
            md.append(rows).append('\n');
        } else {
            throw new IllegalArgumentException("unknown block " + block);
        }
    }

    private static void row(StringBuilder rows, List<String> cells) {
        rows.append('|');
        cells.forEach(cell -> rows.append(' ').append(escape(cell)).append(" |"));
        rows.append('\n');
    }

    private static String runs(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        for (Run run : runs) {
            String escaped = escape(run.text());
            text.append(run.strong() && !escaped.isBlank() ? "**" + escaped + "**" : escaped);
        }
        return text.toString();
    }

    /** A text that makes a whole line (paragraph, heading, caption). */
    private static String line(String text) {
        return lineStart(escape(text));
    }

    private static String lineStart(String escaped) {
        String text = escaped.strip();
        var start = BLOCK_START.matcher(text);
        if (!start.find()) {
            return text;
        }
        return start.group(1) != null
                ? start.group(1) + "\\" + text.substring(start.group(1).length())
                : "\\" + text;
    }

    private static String escape(String text) {
        String oneLine = LINE_BREAK.matcher(text).replaceAll(" ");
        StringBuilder escaped = new StringBuilder(oneLine.length());
        for (int i = 0; i < oneLine.length(); i++) {
            char c = oneLine.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static void line(StringBuilder md, String line) {
        md.append(line).append("\n\n");
    }
}
