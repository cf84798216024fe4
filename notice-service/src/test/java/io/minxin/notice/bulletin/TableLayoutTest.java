package io.minxin.notice.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.notice.bulletin.Bulletin.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableLayoutTest {
    /** The 版心 of GB/T 9704, 156 mm, in twips. */
    private static final int TYPE_AREA = 8845;

    private static final List<Table> REFERENCE_TABLES =
            BulletinComposer.withDefaultTexts().compose(ReferenceMonth.facts()).body().stream()
                    .filter(Table.class::isInstance)
                    .map(Table.class::cast)
                    .toList();

    @Test
    void givenTheReferenceTables_whenSized_thenTheyShareFiveHaoAndFillTheTypeArea() {
        double size = TableLayout.pointSize(REFERENCE_TABLES, TYPE_AREA);

        assertThat(size).isEqualTo(10.5);
        assertThat(REFERENCE_TABLES)
                .allSatisfy(table -> assertThat(Arrays.stream(TableLayout.widths(table, size, TYPE_AREA))
                                .sum())
                        .isEqualTo(TYPE_AREA));
    }

    @Test
    void givenAShortColumn_whenSized_thenItIsAsWideAsItsLongestTextOnOneLine() {
        Table table =
                new Table("表", List.of("名次", "受理单位", "按时办结率"), List.of(List.of("1", "盘锦市社会保险事业管理局兴隆台区分局", "100.00%")));

        int[] widths = TableLayout.widths(table, 12, TYPE_AREA);

        // 按时办结率: 5 ems of 12 pt (240 twips each) and the cell's margins
        assertThat(widths[2]).isGreaterThanOrEqualTo(5 * 240 + 2 * TableLayout.CELL_MARGIN);
        assertThat(widths[0]).isGreaterThanOrEqualTo(2 * 240 + 2 * TableLayout.CELL_MARGIN);
        assertThat(widths[1]).isEqualTo(TYPE_AREA - widths[0] - widths[2]);
    }

    @Test
    void givenTwoTitleColumns_whenSized_thenNoCellEndsOnALineOfOneCharacter() {
        Table poor = REFERENCE_TABLES.get(2);
        int[] widths = TableLayout.widths(poor, 10.5, TYPE_AREA);
        double pitch = 10.5 * 20 + DocxWriter.CHAR_SPACING;

        for (List<String> row : poor.rows()) {
            for (int c : new int[] {2, 3}) {
                int perLine = (int) Math.floor((widths[c] - 2 * TableLayout.CELL_MARGIN - 10) / pitch);
                int length = row.get(c).length();
                assertThat(length <= perLine || length % perLine != 1)
                        .as("%s in %d characters a line", row.get(c), perLine)
                        .isTrue();
            }
        }
    }

    @Test
    void givenRatesAndCjk_whenEstimated_thenCjkIsFullWidthAndDigitsAtMostTwoThirds() {
        assertThat(TableLayout.ems("推诿")).isEqualTo(2.0);
        assertThat(TableLayout.ems("96.67%")).isBetween(3.0, 4.0);
        assertThat(TableLayout.ems("614418")).isCloseTo(3.9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void givenTooManyShortColumns_whenSized_thenTheSmallestSizeAndWidthsStillAddUp() {
        Table wide = new Table(
                "表", List.of("按时办结率按时", "按时办结率按时", "按时办结率按时", "按时办结率按时", "按时办结率按时", "按时办结率按时", "按时办结率按时"), List.of());

        assertThat(TableLayout.pointSize(List.of(wide), TYPE_AREA)).isEqualTo(9.0);
        assertThat(Arrays.stream(TableLayout.widths(wide, 9.0, TYPE_AREA)).sum())
                .isEqualTo(TYPE_AREA);
    }
}
