package io.minxin.notice.bulletin;

import io.minxin.notice.bulletin.Bulletin.Block;
import io.minxin.notice.bulletin.Bulletin.Heading;
import io.minxin.notice.bulletin.Bulletin.Item;
import io.minxin.notice.bulletin.Bulletin.Table;
import io.minxin.notice.bulletin.BulletinTexts.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What changed between two revisions of a bulletin, as the sentences of a 更正 (表三“625810”一行的办理部门由“…”改为“…”。):
 * compared as printed (the composer's formatting of numbers), so a change that does not show is no change. The
 * sentence of section 二 that names the first unit of each table follows from the tables and is not repeated.
 */
public final class BulletinChanges {
    private static final int SIGNER = 0;
    private static final int NUMBER = 1;
    private static final int SEQUENCE = 2;
    private static final int ISSUE_DATE = 3;
    private static final int OFFICE = 4;
    private static final int ISSUING_OFFICE = 5;
    private static final int REPORT_TO = 6;
    private static final int SEND_TO = 7;
    private static final int RECEIVED = 8;
    private static final int UNITS = 9;
    private static final int FIRST_RATE = 10;
    private static final int EXPLANATIONS = 14;
    private static final int REQUIREMENTS = 15;

    private final BulletinTexts texts;
    private final BulletinComposer composer;

    public BulletinChanges(BulletinTexts texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.composer = new BulletinComposer(texts);
    }

    /** The changes from {@code before} to {@code after}, in the order of the document; empty when none shows. */
    private static final Pattern QUOTED_SENTENCE_THEN_STOP = Pattern.compile("([。！？])”。");

    public List<String> between(BulletinFacts before, BulletinFacts after) {
        List<String> labels = texts.list(Text.CHANGE_LABELS);
        Bulletin was = composer.compose(before);
        Bulletin is = composer.compose(after);
        List<String> changes = new ArrayList<>();
        value(
                changes,
                labels.get(SIGNER),
                was.masthead().signerName(),
                is.masthead().signerName());
        value(
                changes,
                labels.get(NUMBER),
                was.masthead().documentNumber(),
                is.masthead().documentNumber());
        value(changes, labels.get(SEQUENCE), was.subtitle(), is.subtitle());
        value(
                changes,
                labels.get(ISSUE_DATE),
                was.imprint().issuedOn(),
                is.imprint().issuedOn());
        value(
                changes,
                labels.get(OFFICE),
                before.issue().office(),
                after.issue().office());

        overview(changes, labels, before.overview(), after.overview());
        tables(changes, tables(was), tables(is));
        items(changes, labels.get(EXPLANATIONS), before.explanations(), after.explanations());
        items(changes, labels.get(REQUIREMENTS), requirements(was), requirements(is));

        String separator = texts.format(Text.LIST_SEPARATOR);
        value(
                changes,
                labels.get(REPORT_TO),
                String.join(separator, before.distribution().reportTo()),
                String.join(separator, after.distribution().reportTo()));
        value(
                changes,
                labels.get(SEND_TO),
                String.join(separator, before.distribution().sendTo()),
                String.join(separator, after.distribution().sendTo()));
        value(
                changes,
                labels.get(ISSUING_OFFICE),
                was.imprint().issuingOffice(),
                is.imprint().issuingOffice());
        return changes.stream().map(BulletinChanges::oneFullStop).toList();
    }

    /**
     * A quoted sentence keeps its own full stop inside the quotation marks and takes none after them (改为：“……。”),
     * as a 公文 quotes a whole sentence.
     */
    static String oneFullStop(String change) {
        return QUOTED_SENTENCE_THEN_STOP.matcher(change).replaceAll("$1”");
    }

    private void overview(
            List<String> changes, List<String> labels, BulletinFacts.Overview was, BulletinFacts.Overview is) {
        value(changes, labels.get(RECEIVED), Long.toString(was.casesReceived()), Long.toString(is.casesReceived()));
        value(changes, labels.get(UNITS), Integer.toString(was.unitsInvolved()), Integer.toString(is.unitsInvolved()));
        Double[] before = {was.completionRate(), was.onTimeRate(), was.satisfactionRate(), was.excellentRate()};
        Double[] after = {is.completionRate(), is.onTimeRate(), is.satisfactionRate(), is.excellentRate()};
        for (int i = 0; i < before.length; i++) {
            value(changes, labels.get(FIRST_RATE + i), percent(before[i]), percent(after[i]));
        }
    }

    /**
     * Rows are matched by what they are about, column 2 of every table (受理单位 in tables 1 and 2, 部门编号 in
     * table 3), never by position: a case taken out of table 3 is one removed row, not every later row changed.
     */
    private void tables(List<String> changes, Map<String, Table> was, Map<String, Table> is) {
        Map<String, Table> all = new LinkedHashMap<>(was);
        is.forEach(all::putIfAbsent);
        String separator = texts.format(Text.LIST_SEPARATOR);
        String sequenceColumn = texts.list(Text.TABLE_POOR_COLUMNS).get(0);
        for (Map.Entry<String, Table> entry : all.entrySet()) {
            String name = entry.getKey();
            List<String> columns = entry.getValue().columns();
            Map<String, List<String>> before =
                    byKey(was.containsKey(name) ? was.get(name).rows() : List.of());
            Map<String, List<String>> after =
                    byKey(is.containsKey(name) ? is.get(name).rows() : List.of());
            before.forEach((key, row) -> {
                List<String> now = after.get(key);
                if (now == null) {
                    changes.add(texts.format(Text.CHANGE_ROW_REMOVED, name, key, String.join(separator, row)));
                    return;
                }
                // table 3's 序号 only counts its rows: a row taken out renumbers the rest, which changes nothing
                int first = columns.get(0).equals(sequenceColumn) ? 1 : 0;
                for (int column = first; column < columns.size(); column++) {
                    value(
                            changes,
                            texts.format(Text.CHANGE_CELL, name, key, columns.get(column)),
                            row.get(column),
                            now.get(column));
                }
            });
            after.forEach((key, row) -> {
                if (!before.containsKey(key)) {
                    changes.add(texts.format(Text.CHANGE_ROW_ADDED, name, key, String.join(separator, row)));
                }
            });
        }
    }

    /** The rows of a table by their second cell, in table order (a row of one cell by that cell). */
    private static Map<String, List<String>> byKey(List<List<String>> rows) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (List<String> row : rows) {
            byKey.putIfAbsent(row.size() > 1 ? row.get(1) : row.get(0), row);
        }
        return byKey;
    }

    /**
     * Paragraphs are aligned on the longest run they have in common (unchanged paragraphs stay matched however many
     * were taken out or added around them); between two matched ones, paragraphs that took each other's place are
     * edited (改为), the rest removed or added, each named by its own number.
     */
    private void items(List<String> changes, String label, List<String> before, List<String> after) {
        int[][] common = new int[before.size() + 1][after.size() + 1];
        for (int i = before.size() - 1; i >= 0; i--) {
            for (int j = after.size() - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        int gapBefore = 0;
        int gapAfter = 0;
        while (i < before.size() || j < after.size()) {
            if (i < before.size() && j < after.size() && before.get(i).equals(after.get(j))) {
                gap(changes, label, before.subList(gapBefore, i), gapBefore, after.subList(gapAfter, j), gapAfter);
                gapBefore = ++i;
                gapAfter = ++j;
            } else if (j == after.size() || i < before.size() && common[i + 1][j] >= common[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        gap(changes, label, before.subList(gapBefore, i), gapBefore, after.subList(gapAfter, j), gapAfter);
    }

    private void gap(
            List<String> changes,
            String label,
            List<String> removed,
            int removedFrom,
            List<String> added,
            int addedFrom) {
        int edited = Math.min(removed.size(), added.size());
        for (int k = 0; k < edited; k++) {
            changes.add(texts.format(Text.CHANGE_ITEM, label, Integer.toString(addedFrom + k + 1), added.get(k)));
        }
        for (int k = edited; k < removed.size(); k++) {
            changes.add(texts.format(
                    Text.CHANGE_ITEM_REMOVED, label, Integer.toString(removedFrom + k + 1), removed.get(k)));
        }
        for (int k = edited; k < added.size(); k++) {
            changes.add(texts.format(Text.CHANGE_ITEM_ADDED, label, Integer.toString(addedFrom + k + 1), added.get(k)));
        }
    }

    private void value(List<String> changes, String label, String before, String after) {
        if (!before.equals(after)) {
            changes.add(texts.format(Text.CHANGE_VALUE, label, before, after));
        }
    }

    /** The tables by the name their caption gives them (表一 of 表一：…). */
    private static Map<String, Table> tables(Bulletin bulletin) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Block block : bulletin.body()) {
            if (block instanceof Table table) {
                int colon = table.caption().indexOf('：');
                tables.put(colon > 0 ? table.caption().substring(0, colon) : table.caption(), table);
            }
        }
        return tables;
    }

    /** The numbered paragraphs of the last section (三、工作要求). */
    private static List<String> requirements(Bulletin bulletin) {
        List<String> items = new ArrayList<>();
        for (Block block : bulletin.body()) {
            if (block instanceof Heading) {
                items.clear();
            } else if (block instanceof Item item) {
                items.add(item.text());
            }
        }
        return items;
    }

    private String percent(Double rate) {
        return Formats.percentFixed(rate, texts.format(Text.MISSING_VALUE));
    }
}
