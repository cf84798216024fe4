package io.minxin.notice.bulletin;

import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Heading;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Run;
import io.minxin.notice.bulletin.Bulletin.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One self-contained, printable HTML page; every text value is escaped. */
final class HtmlWriter {

    private static final String STYLE = style();
    // a fixed element is printed on every page: the draft mark is on each page of the print, as on the screen
    private static final String DRAFT_STYLE = ".draft-mark{position:fixed;top:6mm;right:8mm;z-index:1;"
            + "padding:1mm 3mm;border:2px solid #c00;color:#c00;background:#fff;"
            + "font:bold 16pt \"黑体\",\"SimHei\",\"Noto Sans CJK SC\",sans-serif;}\n";

    private HtmlWriter() {}

    static String write(Bulletin bulletin) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"author\" content=\"")
                .append(escape(bulletin.author()))
                .append("\">\n<meta name=\"date\" content=\"")
                .append(bulletin.issueDate())
                .append("\">\n<title>")
                .append(escape(bulletin.title()))
                .append(' ')
                .append(escape(bulletin.subtitle()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append(bulletin.draftMark() == null ? "" : DRAFT_STYLE)
                .append("</style>\n</head>\n<body>\n");
        if (bulletin.draftMark() != null) {
            element(html, "div", "draft-mark", bulletin.draftMark());
        }
        html.append("<article class=\"bulletin\">\n");
        masthead(html, bulletin.masthead());
        element(html, "h1", null, bulletin.title());
        element(html, "p", "subtitle", bulletin.subtitle());
        html.append("<main>\n");
        bulletin.body().forEach(block -> block(html, block));
        html.append("</main>\n");
        imprint(html, bulletin.imprint());
        html.append("</article>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void masthead(StringBuilder html, Bulletin.Masthead masthead) {
        html.append("<header class=\"masthead\">\n");
        element(html, "p", "issuer", masthead.issuerMark());
        html.append(masthead.signerName().isEmpty() ? "<div class=\"numbers down\">" : "<div class=\"numbers\">")
                .append("<span class=\"document-number\">")
                .append(escape(masthead.documentNumber()))
                .append("</span><span class=\"signer\"><span class=\"label\">")
                .append(escape(masthead.signerLabel()))
                .append("</span><span class=\"name\">")
                .append(escape(masthead.signerName()))
                .append("</span></span></div>\n</header>\n");
    }

    private static void block(StringBuilder html, Block block) {
        if (block instanceof Heading heading) {
            element(html, "h2", null, heading.text());
        } else if (block instanceof Paragraph paragraph) {
            html.append("<p>").append(runs(paragraph.runs())).append("</p>\n");
        } else if (block instanceof Item item) {
            html.append("<p class=\"item\">")
                    .append(item.number())
                    .append(". ")
                    .append(runs(item.runs()))
                    .append("</p>\n");
        } else if (block instanceof Table table) {
            table(html, table);
        } else if (block instanceof Bulletin.Addressee addressee) {
            element(html, "p", "addressee", addressee.text());
        } else if (block instanceof Bulletin.Closing closing) {
            html.append("<div class=\"closing\"><div>");
            element(html, "p", "office", closing.office());
            element(html, "p", "date", closing.date());
            html.append("</div></div>\n");
        } else {
            throw new IllegalArgumentException("unknown block " + block);
        }
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table").append(wrappingColumns(table)).append(">\n");
        element(html, "caption", null, table.caption());
        html.append("<thead>\n");
        row(html, "th", table.columns());
        html.append("</thead>\n<tbody>\n");
        table.rows().forEach(row -> row(html, "td", row));
        html.append("</tbody>\n</table>\n");
    }

    /**
     * The columns whose cells may wrap, as classes (wrap-2: the second), e.g. {@code  class="wrap-2"}: the title-like
     * ones of {@link TableLayout}; every other cell stands on one line (bulletin.css), as in the DOCX.
     */
    private static String wrappingColumns(Table table) {
        StringBuilder classes = new StringBuilder();
        for (int c = 0; c < table.columns().size(); c++) {
            if (!TableLayout.isShort(table, c)) {
                classes.append(classes.isEmpty() ? "" : " ").append("wrap-").append(c + 1);
            }
        }
        return classes.isEmpty() ? "" : " class=\"" + classes + "\"";
    }

    private static void row(StringBuilder html, String cell, List<String> cells) {
        html.append("<tr>");
        cells.forEach(text -> html.append('<')
                .append(cell)
                .append('>')
                .append(escape(text))
                .append("</")
                .append(cell)
                .append('>'));
        html.append("</tr>\n");
    }

    private static void imprint(StringBuilder html, Bulletin.Imprint imprint) {
        html.append("<footer class=\"imprint\">\n");
        if (!imprint.distribution().isEmpty()) {
            html.append("<div class=\"distribution\">\n");
            imprint.distribution().forEach(line -> element(html, "p", null, line));
            html.append("</div>\n");
        }
        html.append("<p class=\"issued\"><span class=\"office\">")
                .append(escape(imprint.issuingOffice()))
                .append("</span><span class=\"date\">")
                .append(escape(imprint.issuedOn()))
                .append("</span></p>\n</footer>\n");
    }

    private static String runs(List<Run> runs) {
        StringBuilder text = new StringBuilder();
        for (Run run : runs) {
            text.append(run.strong() ? "<strong>" + escape(run.text()) + "</strong>" : escape(run.text()));
        }
        return text.toString();
    }

    private static void element(StringBuilder html, String name, String cssClass, String text) {
        html.append('<').append(name);
        if (cssClass != null) {
            html.append(" class=\"").append(cssClass).append('"');
        }
        html.append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    /** Escapes for element content and quoted attribute values alike. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String style() {
        try (InputStream in = HtmlWriter.class.getResourceAsStream("/bulletin/bulletin.css")) {
            if (in == null) {
                throw new IllegalStateException("/bulletin/bulletin.css is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
