package io.minxin.notice.letters;

import static io.minxin.notice.DocumentRendering.compact;
import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.notice.DocumentRendering;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.BulletinRenderer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 提示函 as its unit reads it: the DOCX printed by LibreOffice and read back with pdftotext, the HTML in headless
 * chromium. The files stay under {@code target/documents/}.
 */
class LetterDocumentRenderingIT {
    private static final Bulletin LETTER = LetterFixture.composer()
            .compose(
                    DutyLetter.of(LetterFixture.letter(
                            LetterFixture.ZHENXING, LetterFixture.ZHENXING_NAME, LetterFixture.MISSED)),
                    3);
    private static List<String> pages;

    @BeforeAll
    static void printWithLibreOffice() throws Exception {
        pages = DocumentRendering.pdfPages(new BulletinRenderer().docx(LETTER), "letter-xlt-zhenxing-2020-09");
    }

    @Test
    void givenALetter_whenLibreOfficePrintsIt_thenItsNumberAndEveryMissedDayStandWholeOnALine() {
        List<String> lines = pages.stream()
                .flatMap(page -> DocumentRendering.compactLines(page).stream())
                .toList();

        for (String whole : List.of("兴隆营商提示〔2020〕3号", "9月3日", "9月8日", "9月10日", "9月14日", "16:00", "2020年9月14日")) {
            assertThat(lines)
                    .as("a line with %s", whole)
                    .anySatisfy(line -> assertThat(line).contains(whole));
        }
    }

    @Test
    void givenALetter_whenLibreOfficePrintsIt_thenTheRedHeaderIsOnPageOneAndTheImprintOnTheLast() {
        String first = compact(pages.get(0));
        String last = compact(pages.get(pages.size() - 1));

        assertThat(first)
                .contains(compact(LETTER.masthead().issuerMark()))
                .contains("兴隆营商提示〔2020〕3号")
                .contains(LetterFixture.ZHENXING_NAME + "：");
        // the 落款 never alone on a page: the text's last paragraph goes with it
        assertThat(last)
                .contains("特此提示。" + compact(LETTER.author()) + "2020年9月14日")
                .contains(compact(
                        LETTER.imprint().issuingOffice() + LETTER.imprint().issuedOn()));
    }

    @Test
    void givenALetter_whenChromiumShowsTheHtml_thenNothingIsWiderThanThePage() throws Exception {
        assertThat(DocumentRendering.overflowsInChromium(
                        new BulletinRenderer().html(LETTER), "letter-xlt-zhenxing-2020-09"))
                .isEmpty();
    }
}
