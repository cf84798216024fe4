package io.minxin.notice.bulletin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the bulletin: the defaults in {@code bulletin/texts.properties} (those of the reference
 * bulletin), optionally overridden per key. Each text is a {@link java.util.Formatter} pattern with string slots
 * only; the values put into the slots are never formatted again, so a unit name such as {@code %s} or
 * <code>${x}</code> stays literal.
 */
public final class BulletinTexts {

    private static final String DEFAULTS = "/bulletin/texts.properties";
    // Slots are first formatted as these private-use markers, so that the values themselves never pass through
    // the formatter and each can become its own run.
    private static final char SLOT_START = '\uE000';
    private static final char SLOT_END = '\uE001';
    private static final Pattern ALLOWED_CONVERSION = Pattern.compile("(?:[1-9][0-9]*\\$)?s|%|n");

    private static final BulletinTexts DEFAULT = new BulletinTexts(load(), Map.of());

    private final Map<Text, String> texts;

    private BulletinTexts(Map<Text, String> defaults, Map<String, String> overrides) {
        Map<Text, String> merged = new EnumMap<>(defaults);
        overrides.forEach((key, value) -> merged.put(Text.byKey(key), value));
        merged.forEach(BulletinTexts::check);
        this.texts = merged;
    }

    /** The reference bulletin's wording. */
    public static BulletinTexts defaults() {
        return DEFAULT;
    }

    /**
     * The defaults with some texts replaced.
     *
     * @param overrides key (as in {@code bulletin/texts.properties}) to text
     * @throws IllegalArgumentException for an unknown key or a text that is not a valid pattern for its slots
     */
    public static BulletinTexts withOverrides(Map<String, String> overrides) {
        return overrides.isEmpty() ? DEFAULT : new BulletinTexts(DEFAULT.texts, overrides);
    }

    /** The text of a key, e.g. {@code title}; for documentation and tests. */
    public String raw(String key) {
        return texts.get(Text.byKey(key));
    }

    String format(Text text, String... values) {
        return Bulletin.Run.text(
                runs(text, Arrays.stream(values).map(Slot::plain).toArray(Slot[]::new)));
    }

    boolean isBlank(Text text) {
        return texts.get(text).isBlank();
    }

    List<String> list(Text text) {
        return Arrays.stream(texts.get(text).split(",")).map(String::strip).toList();
    }

    /** Fills the slots of a text; a strong slot becomes its own emphasised run. */
    List<Bulletin.Run> runs(Text text, Slot... slots) {
        Object[] markers = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            markers[i] = SLOT_START + Integer.toString(i) + SLOT_END;
        }
        String marked = String.format(Locale.ROOT, texts.get(text), markers);
        List<Bulletin.Run> runs = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int at = 0;
        while (at < marked.length()) {
            char c = marked.charAt(at);
            if (c != SLOT_START) {
                plain.append(c);
                at++;
                continue;
            }
            int end = marked.indexOf(SLOT_END, at);
            Slot slot = slots[Integer.parseInt(marked, at + 1, end, 10)];
            if (slot.strong()) {
                flush(plain, runs);
                runs.add(new Bulletin.Run(slot.value(), true));
            } else {
                plain.append(slot.value());
            }
            at = end + 1;
        }
        flush(plain, runs);
        return List.copyOf(runs);
    }

    private static void flush(StringBuilder plain, List<Bulletin.Run> runs) {
        if (plain.length() > 0) {
            runs.add(new Bulletin.Run(plain.toString(), false));
            plain.setLength(0);
        }
    }

    private static void check(Text text, String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("bulletin text '" + text.key + "' is missing");
        }
        if (pattern.indexOf(SLOT_START) >= 0 || pattern.indexOf(SLOT_END) >= 0) {
            throw new IllegalArgumentException("bulletin text '" + text.key + "' contains a reserved character");
        }
        Matcher conversion = ALLOWED_CONVERSION.matcher(pattern);
        for (int at = pattern.indexOf('%'); at >= 0; at = pattern.indexOf('%', conversion.end())) {
            if (!conversion.region(at + 1, pattern.length()).lookingAt()) {
                throw new IllegalArgumentException(
                        "bulletin text '" + text.key + "' may only use %s, %<n>$s, %% and %n: " + pattern);
            }
        }
        if (text.columns > 0 && pattern.split(",").length != text.columns) {
            throw new IllegalArgumentException(
                    "bulletin text '" + text.key + "' must name " + text.columns + " columns: " + pattern);
        }
        try {
            String.format(Locale.ROOT, pattern, new Object[text.slots]);
        } catch (IllegalFormatException e) {
            throw new IllegalArgumentException(
                    "bulletin text '" + text.key + "' has " + text.slots + " slots: " + e.getMessage(), e);
        }
    }

    private static Map<Text, String> load() {
        Properties properties = new Properties();
        try (InputStream in = BulletinTexts.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is not on the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Text, String> defaults = new EnumMap<>(Text.class);
        properties.stringPropertyNames().forEach(key -> defaults.put(Text.byKey(key), properties.getProperty(key)));
        for (Text text : Text.values()) {
            if (!defaults.containsKey(text)) {
                throw new IllegalStateException(DEFAULTS + " lacks '" + text.key + "'");
            }
        }
        return defaults;
    }

    /** A value for a slot. */
    record Slot(String value, boolean strong) {
        static Slot plain(String value) {
            return new Slot(value, false);
        }

        static Slot strong(String value) {
            return new Slot(value, true);
        }
    }

    /** The keys, each with the number of slots the composer fills. */
    enum Text {
        TITLE("title", 0),
        JURISDICTION_TITLE("jurisdiction-title", 1),
        DOCUMENT_NUMBER("document-number", 3),
        SIGNER_LABEL("signer-label", 0),
        ISSUE_SEQUENCE("issue-sequence", 1),
        INTRO("intro", 3),
        DAY("day", 2),
        HEADING_OVERVIEW("heading-overview", 0),
        OVERVIEW("overview", 7),
        HEADING_RANKING("heading-ranking", 0),
        RANKING_LEAD("ranking-lead", 1),
        RANKING_PHONE("ranking-phone", 2),
        RANKING_PHONE_NONE("ranking-phone-none", 0),
        RANKING_WEB("ranking-web", 2),
        RANKING_WEB_NONE("ranking-web-none", 0),
        RANKING_PENDING("ranking-pending", 0),
        RANKING_POOR("ranking-poor", 2),
        RANKING_POOR_NONE("ranking-poor-none", 0),
        RANKING_SEPARATOR("ranking-separator", 0),
        RANKING_END("ranking-end", 0),
        TABLE_PHONE_CAPTION("table-phone-caption", 0),
        TABLE_PHONE_COLUMNS("table-phone-columns", 0, 6),
        TABLE_WEB_CAPTION("table-web-caption", 0),
        TABLE_WEB_COLUMNS("table-web-columns", 0, 9),
        TABLE_POOR_CAPTION("table-poor-caption", 0),
        TABLE_POOR_COLUMNS("table-poor-columns", 0, 5),
        EXPLANATIONS_LEAD("explanations-lead", 0),
        HEADING_REQUIREMENTS("heading-requirements", 0),
        REQUIREMENTS_LEAD("requirements-lead", 0),
        REQUIREMENT_TARGETS("requirement-targets", 3),
        REQUIREMENT_REMINDER("requirement-reminder", 0),
        REQUIREMENT_DUTY("requirement-duty", 2),
        REPORT_TO("report-to", 1),
        SEND_TO("send-to", 1),
        LIST_SEPARATOR("list-separator", 0),
        ISSUED_ON("issued-on", 3),
        MISSING_VALUE("missing-value", 0),
        DRAFT_MARK("draft-mark", 0),
        RANKING_LIVE("ranking-live", 0),
        CORRECTION_TITLE("correction-title", 1),
        CORRECTION_SUBTITLE("correction-subtitle", 2),
        CORRECTION_LEAD("correction-lead", 6),
        CORRECTION_FULL_TEXT("correction-full-text", 0),
        CHANGE_VALUE("change-value", 3),
        CHANGE_CELL("change-cell", 3),
        CHANGE_ROW_ADDED("change-row-added", 3),
        CHANGE_ROW_REMOVED("change-row-removed", 3),
        CHANGE_ITEM("change-item", 3),
        CHANGE_ITEM_ADDED("change-item-added", 3),
        CHANGE_ITEM_REMOVED("change-item-removed", 3),
        CHANGE_LABELS("change-labels", 0, 16);

        private static final Map<String, Text> BY_KEY = new HashMap<>();

        static {
            for (Text text : values()) {
                BY_KEY.put(text.key, text);
            }
        }

        final String key;
        final int slots;
        /** For a list of column headers: how many. */
        final int columns;

        Text(String key, int slots) {
            this(key, slots, 0);
        }

        Text(String key, int slots, int columns) {
            this.key = key;
            this.slots = slots;
            this.columns = columns;
        }

        static Text byKey(String key) {
            Text text = BY_KEY.get(key);
            if (text == null) {
                throw new IllegalArgumentException("unknown bulletin text '" + key + "'; known: " + BY_KEY.keySet());
            }
            return text;
        }
    }
}
