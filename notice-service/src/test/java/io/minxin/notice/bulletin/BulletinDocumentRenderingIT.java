package io.minxin.notice.bulletin;

import static io.minxin.notice.DocumentRendering.compact;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.notice.DocumentRendering;
import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Heading;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Paragraph;
import io.minxin.notice.bulletin.Bulletin.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference month's bulletin, its draft and a 更正 as their readers see them: the DOCX opened in LibreOffice (printed to PDF, read back
 * with pdftotext) and the HTML in headless chromium. The files stay under {@code target/documents/}.
 */
class BulletinDocumentRenderingIT {
    private static final Pattern COLUMN_GAP = Pattern.compile(" {2,}");
    private static final Pattern NUMBER = Pattern.compile("[0-9.%—-]+");

    /** Each printed once, by file name. */
    private static final Map<String, List<String>> PRINTED = new ConcurrentHashMap<>();

    /** The issued reference month, its draft (marked, with the live ranking) and a 更正 of it. */
    static Stream<Arguments> documents() {
        BulletinComposer composer = BulletinComposer.withDefaultTexts();
        BulletinFacts reference = ReferenceMonth.facts();
        return Stream.of(
                Arguments.of("bulletin-2020-09", composer.compose(reference)),
                Arguments.of("bulletin-2020-09-draft", composer.composeDraft(reference.withLiveRanking(true))),
                Arguments.of(
                        "bulletin-2020-09-correction-1",
                        composer.composeCorrection(
                                reference,
                                new BulletinComposer.Correction(
                                        1,
                                        "兴隆营商督字〔2020〕9号",
                                        LocalDate.of(2020, 11, 3),
                                        List.of("表三“625810”一行的办理部门由“盘锦市兴隆台区振兴街道办事处”改为“盘锦市兴隆台区兴隆街道办事处”。")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void givenABulletin_whenLibreOfficePrintsIt_thenEveryShortCellAndNumberStandsOnOneLine(
            String name, Bulletin bulletin) {
        List<String> lines = lines(printed(name, bulletin));
        List<Block> body = bulletin.body();
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void givenABulletin_whenLibreOfficePrintsIt_thenTheRedHeaderIsOnPageOneAndTheImprintOnTheLast(
            String name, Bulletin bulletin) {
        List<String> pages = printed(name, bulletin);
        String first = compact(pages.get(0));
        String last = compact(pages.get(pages.size() - 1));

        assertThat(pages).hasSizeGreaterThan(1);
        assertThat(first)
                .contains(compact(bulletin.masthead().issuerMark()))
                .contains(compact(bulletin.masthead().documentNumber()))
                .contains(compact(bulletin.title()));
        for (String line : bulletin.imprint().distribution()) {
            assertThat(last).contains(compact(line));
        }
        assertThat(last)
                .contains(compact(bulletin.imprint().issuingOffice()))
                .contains(compact(bulletin.imprint().issuedOn()));
        for (String page : pages.subList(0, pages.size() - 1)) {
            assertThat(compact(page))
                    .doesNotContain(compact(bulletin.imprint().issuingOffice()
                            + bulletin.imprint().issuedOn()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void givenABulletin_whenChromiumShowsTheHtml_thenNoTableIsWiderThanThePageAndNoShortCellWraps(
            String name, Bulletin bulletin) throws Exception {
        assertThat(DocumentRendering.overflowsInChromium(new BulletinRenderer().html(bulletin), name))
                .isEmpty();
    }

    private static List<String> printed(String name, Bulletin bulletin) {
        return PRINTED.computeIfAbsent(name, file -> {
            try {
                return DocumentRendering.pdfPages(new BulletinRenderer().docx(bulletin), file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
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

    private static List<String> lines(List<String> pages) {
        List<String> lines = new ArrayList<>();
        pages.forEach(page -> lines.addAll(page.lines().toList()));
        return lines;
    }
}
