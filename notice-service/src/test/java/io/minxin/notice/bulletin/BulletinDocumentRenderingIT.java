package io.minxin.notice.bulletin;

import static io.minxin.notice.DocumentRendering.compact;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.notice.DocumentRendering;
import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Heading;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference month's bulletin as its readers see it: the DOCX opened in LibreOffice (printed to PDF, read back
 * with pdftotext) and the HTML in headless chromium. The files stay under {@code target/documents/}.
 */
class BulletinDocumentRenderingIT {
    private static final Pattern COLUMN_GAP = Pattern.compile(" {2,}");
    private static final Pattern NUMBER = Pattern.compile("[0-9.%—-]+");

    private static final Bulletin REFERENCE =
            BulletinComposer.withDefaultTexts().compose(ReferenceMonth.facts());
    private static List<String> pages;

    @BeforeAll
    static void printWithLibreOffice() throws Exception {
        pages = DocumentRendering.pdfPages(new BulletinRenderer().docx(REFERENCE), "bulletin-2020-09");
    }

    @Test
    void givenTheReferenceBulletin_whenLibreOfficePrintsIt_thenEveryShortCellAndNumberStandsOnOneLine() {
        List<String> lines = lines();
        List<Block> body = REFERENCE.body();
        for (int b = 0; b < body.size(); b++) {
            if (body.get(b) instanceof Table table) {
                List<String> region = region(lines, table, b + 1 < body.size() ? body.get(b + 1) : null);
                List<String> cells = new ArrayList<>(table.columns());
                table.rows().forEach(cells::addAll);
                for (String cell : cells.stream().distinct().toList()) {
                    if (mustStandWhole(table, cell)) {
                        assertThat(occurrences(region, compact(cell)))
                                .as(
                                        "how often \"%s\" of %s stands whole on one line in%n%s",
                                        cell, table.caption(), String.join("\n", region))
                                .isGreaterThanOrEqualTo(
                                        cells.stream().filter(cell::equals).count());
                    }
                }
            }
        }
    }

    @Test
    void givenTheReferenceBulletin_whenLibreOfficePrintsIt_thenTheRedHeaderIsOnPageOneAndTheImprintOnTheLast() {
        String first = compact(pages.get(0));
        String last = compact(pages.get(pages.size() - 1));

        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(first)
                .contains(compact(REFERENCE.masthead().issuerMark()))
                .contains(compact(REFERENCE.masthead().documentNumber()))
                .contains(compact(REFERENCE.title()));
        for (String line : REFERENCE.imprint().distribution()) {
            assertThat(last).contains(compact(line));
        }
        assertThat(last)
                .contains(compact(REFERENCE.imprint().issuingOffice()))
                .contains(compact(REFERENCE.imprint().issuedOn()));
        for (String page : pages.subList(0, pages.size() - 1)) {
            assertThat(compact(page))
                    .doesNotContain(compact(REFERENCE.imprint().issuingOffice()
                            + REFERENCE.imprint().issuedOn()));
        }
    }

    @Test
    void givenTheReferenceBulletin_whenChromiumShowsTheHtml_thenNoTableIsWiderThanThePageAndNoShortCellWraps()
            throws Exception {
        assertThat(DocumentRendering.overflowsInChromium(new BulletinRenderer().html(REFERENCE), "bulletin-2020-09"))
                .isEmpty();
    }

    /** Headers, every cell of a column of short texts, and every number. */
    private static boolean mustStandWhole(Table table, String cell) {
        if (table.columns().contains(cell) || NUMBER.matcher(cell).matches()) {
            return true;
        }
        for (int c = 0; c < table.columns().size(); c++) {
            int column = c;
            if (TableLayout.isShort(table, c)
                    && table.rows().stream().anyMatch(row -> row.get(column).equals(cell))) {
                return true;
            }
        }
        return false;
    }

    /** The printed lines from the table's caption to the text after it, each cut into its columns. */
    private static List<String> region(List<String> lines, Table table, Block next) {
        int start = indexOf(lines, compact(table.caption()), 0);
        assertThat(start).as("the caption %s in the PDF", table.caption()).isNotNegative();
        int end = next == null ? lines.size() : indexOf(lines, beginning(next), start + 1);
        assertThat(end).as("the text after %s in the PDF", table.caption()).isGreaterThan(start);
        List<String> segments = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            for (String segment : COLUMN_GAP.split(line.strip())) {
                segments.add(compact(segment));
            }
        }
        return segments;
    }

    private static String beginning(Block block) {
        String text;
        if (block instanceof Table table) {
            text = table.caption();
        } else if (block instanceof Heading heading) {
            text = heading.text();
        } else if (block instanceof Paragraph paragraph) {
            text = paragraph.text();
        } else if (block instanceof Item item) {
            text = item.text();
        } else {
            throw new IllegalArgumentException("no text to find of " + block);
        }
        String compacted = compact(text);
        return compacted.substring(0, Math.min(8, compacted.length()));
    }

    private static int indexOf(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (compact(lines.get(i)).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static long occurrences(List<String> segments, String text) {
        long count = 0;
        for (String segment : segments) {
            for (int at = segment.indexOf(text); at >= 0; at = segment.indexOf(text, at + text.length())) {
                count++;
            }
        }
        return count;
    }

    private static List<String> lines() {
        List<String> lines = new ArrayList<>();
        pages.forEach(page -> lines.addAll(page.lines().toList()));
        return lines;
    }
}
