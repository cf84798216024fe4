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
 * What changed between two revisions of a bulletin, as the sentences of a 更正 (表三第 2 行办理部门由“…”改为“…”。):
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

    private void tables(List<String> changes, Map<String, Table> was, Map<String, Table> is) {
        Map<String, Table> all = new LinkedHashMap<>(was);
        is.forEach(all::putIfAbsent);
        String separator = texts.format(Text.LIST_SEPARATOR);
        for (Map.Entry<String, Table> entry : all.entrySet()) {
            String name = entry.getKey();
            List<String> columns = entry.getValue().columns();
            List<List<String>> before = was.containsKey(name) ? was.get(name).rows() : List.of();
            List<List<String>> after = is.containsKey(name) ? is.get(name).rows() : List.of();
            for (int row = 0; row < Math.max(before.size(), after.size()); row++) {
                String number = Integer.toString(row + 1);
                if (row >= before.size()) {
                    changes.add(
                            texts.format(Text.CHANGE_ROW_ADDED, name, number, String.join(separator, after.get(row))));
                } else if (row >= after.size()) {
                    changes.add(texts.format(
                            Text.CHANGE_ROW_REMOVED, name, number, String.join(separator, before.get(row))));
                } else {
                    for (int column = 0; column < columns.size(); column++) {
                        value(
                                changes,
                                texts.format(Text.CHANGE_CELL, name, number, columns.get(column)),
                                before.get(row).get(column),
                                after.get(row).get(column));
                    }
                }
            }
        }
    }

    private void items(List<String> changes, String label, List<String> before, List<String> after) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            String number = Integer.toString(i + 1);
            if (i >= before.size()) {
                changes.add(texts.format(Text.CHANGE_ITEM_ADDED, label, number, after.get(i)));
            } else if (i >= after.size()) {
                changes.add(texts.format(Text.CHANGE_ITEM_REMOVED, label, number, before.get(i)));
            } else if (!before.get(i).equals(after.get(i))) {
                changes.add(texts.format(Text.CHANGE_ITEM, label, number, after.get(i)));
            }
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
