package io.minxin.notice.bulletin;

import io.minxin.notice.bulletin.Bulletin.Table;
import java.util.List;

/**
 * Column widths of a fixed-layout table on the type area, from its contents: a reader's word processor lays a
 * fixed table out as told and wraps whatever does not fit, so a rate printed as "96.6 / 7%" or a reason as
 * "推 / 诿" means the column was narrower than its text. Every column whose texts are all short (at most {@value
 * #SHORT} characters: numbers, rates, reasons, headers) gets the width of its longest text on one line; the
 * title-like columns (unit names, 诉求问题) share the rest by their longest text and wrap. The point size is the
 * largest of 小四, 五号 and 小五 at which every table of the document leaves each title-like column at least
 * {@value #MIN_TITLE_EMS} characters, so that all tables of a document share one size.
 *
 * <p>Text width is estimated, not measured, as fonts differ between readers (仿宋_GB2312 on Windows, Noto CJK or
 * DejaVu elsewhere): see {@link #ems}; each column adds its cell margins and a little slack.
 */
final class TableLayout {
    /** Texts up to this many characters never wrap. */
    static final int SHORT = 8;
    /** The fewest characters a title-like column may get on a line. */
    static final int MIN_TITLE_EMS = 6;
    /** 小四, 五号, 小五, in points. */
    static final List<Double> SIZES = List.of(12.0, 10.5, 9.0);
    /** Left and right margin of a cell, in twips (1 mm). */
    static final int CELL_MARGIN = 57;

    private static final double SLACK_EMS = 0.3;
    /** A cell's share of the frame lines, in twips. */
    private static final int BORDER = 10;

    private TableLayout() {}

    /** The largest size at which every table fits with room for its title-like columns; the smallest else. */
    static double pointSize(List<Table> tables, int width) {
        for (double size : SIZES) {
            if (tables.stream().allMatch(table -> fits(table, size, width))) {
                return size;
            }
        }
        return SIZES.get(SIZES.size() - 1);
    }

    /** The width of each column in twips, adding up to {@code width}. */
    static int[] widths(Table table, double size, int width) {
        int columns = table.columns().size();
        double[] natural = new double[columns];
        boolean[] title = new boolean[columns];
        double fixed = 0;
        double titles = 0;
        for (int c = 0; c < columns; c++) {
            natural[c] = twips(longest(table, c), size);
            title[c] = !isShort(table, c);
            if (title[c]) {
                titles += natural[c];
            } else {
                fixed += natural[c];
            }
        }
        double[] share = new double[columns];
        double room = width - fixed;
        if (titles == 0 || room <= 0) {
            // nothing wraps, or not even the short columns fit: all columns by their texts
            double total = fixed + titles;
            for (int c = 0; c < columns; c++) {
                share[c] = width * natural[c] / total;
            }
        } else {
            for (int c = 0; c < columns; c++) {
                share[c] = title[c] ? room * natural[c] / titles : natural[c];
            }
            balance(table, title, share, size);
        }
        return rounded(share, width);
    }

    /**
     * Two title-like columns (诉求问题 and 办理部门) share their room so that the rows take the fewest lines, then so
     * that the fewest cells end on a line of one character ("…杂质问 / 题"), then as close to their proportional
     * shares as may be.
     */
    private static void balance(Table table, boolean[] title, double[] share, double size) {
        int first = -1;
        int second = -1;
        for (int c = 0; c < title.length; c++) {
            if (title[c]) {
                if (first < 0) {
                    first = c;
                } else if (second < 0) {
                    second = c;
                } else {
                    return;
                }
            }
        }
        if (second < 0) {
            return;
        }
        double room = share[first] + share[second];
        double proportional = share[first];
        double em = size * 20;
        double best = proportional;
        double[] bestScore = null;
        for (double a = twips(MIN_TITLE_EMS, size); a <= room - twips(MIN_TITLE_EMS, size); a += em / 4) {
            double[] score = {0, 0, Math.abs(a - proportional)};
            for (List<String> row : table.rows()) {
                int[] one = lines(row.get(first), a, size);
                int[] two = lines(row.get(second), room - a, size);
                score[0] += Math.max(one[0], two[0]);
                score[1] += one[1] + two[1];
            }
            if (bestScore == null || java.util.Arrays.compare(score, bestScore) < 0) {
                bestScore = score;
                best = a;
            }
        }
        share[first] = best;
        share[second] = room - best;
    }

    /**
     * The lines {@code text} takes in a column {@code width} twips wide, and 1 if its last line has one character:
     * as many characters a line as the cell holds at the pitch of the document's characters (DocxWriter's spacing).
     */
    private static int[] lines(String text, double width, double size) {
        double pitch = size * 20 + DocxWriter.CHAR_SPACING;
        double perLine = Math.max(1, Math.floor((width - 2 * CELL_MARGIN - BORDER) / pitch));
        // each character takes its width and the spacing: a CJK one exactly the pitch
        double ems = ems(text);
        int lines = (int) Math.max(1, Math.ceil(ems / perLine));
        double last = ems - (lines - 1) * perLine;
        return new int[] {lines, lines > 1 && last <= 1 ? 1 : 0};
    }

    /** Whether, at {@code size}, the short columns stand on one line and each title-like column gets its minimum. */
    static boolean fits(Table table, double size, int width) {
        double needed = 0;
        for (int c = 0; c < table.columns().size(); c++) {
            needed += isShort(table, c)
                    ? twips(longest(table, c), size)
                    : Math.min(twips(longest(table, c), size), twips(MIN_TITLE_EMS, size));
        }
        return needed <= width;
    }

    /**
     * Estimated width of {@code text} in ems: CJK and full-width forms one em; digits and Latin as wide as in DejaVu,
     * the widest a reader's fallback gives them (0.64 em a digit; 仿宋_GB2312 and Noto CJK have 0.5 to 0.56).
     */
    static double ems(String text) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            if (c >= 0x2E80 || Character.isHighSurrogate(c) || c == '%' || c == '—') {
                ems += 1;
            } else if (c == '.' || c == ' ' || c == ',') {
                ems += 0.35;
            } else if (Character.isUpperCase(c)) {
                ems += 0.75;
            } else {
                ems += 0.65;
            }
        }
        return ems;
    }

    /** Whether every text of column {@code c}, its header too, is short. */
    static boolean isShort(Table table, int c) {
        if (table.columns().get(c).length() > SHORT) {
            return false;
        }
        return table.rows().stream().allMatch(row -> row.get(c).length() <= SHORT);
    }

    private static double longest(Table table, int c) {
        double longest = ems(table.columns().get(c));
        for (List<String> row : table.rows()) {
            longest = Math.max(longest, ems(row.get(c)));
        }
        return longest;
    }

    /** A column {@code ems} wide in twips at {@code size}, with the cell's margins and slack. */
    private static double twips(double ems, double size) {
        return (ems + SLACK_EMS) * size * 20 + 2 * CELL_MARGIN;
    }

    /** Whole twips adding up to {@code width}: the last column takes what rounding left. */
    private static int[] rounded(double[] share, int width) {
        int[] widths = new int[share.length];
        int used = 0;
        for (int c = 0; c < share.length - 1; c++) {
            widths[c] = (int) Math.round(share[c]);
            used += widths[c];
        }
        widths[share.length - 1] = width - used;
        return widths;
    }
}
