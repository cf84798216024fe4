package io.minxin.notice.bulletin;

/** Lays a composed {@link Bulletin} out as Markdown, printable HTML or DOCX. Stateless and thread-safe. */
public final class BulletinRenderer {

    /** CommonMark with pipe tables; every text escaped for Markdown. */
    public String markdown(Bulletin bulletin) {
        return MarkdownWriter.write(bulletin);
    }

    /** One self-contained HTML page (inline CSS, A4 print layout); every text HTML-escaped. */
    public String html(Bulletin bulletin) {
        return HtmlWriter.write(bulletin);
    }

    /**
     * A Word document in 公文 layout. The same bulletin gives the same bytes: dates inside come from the issue date.
     *
     * @throws java.io.UncheckedIOException if POI cannot write the document
     */
    public byte[] docx(Bulletin bulletin) {
        return DocxWriter.write(bulletin);
    }
}
