package io.minxin.notice.units;

import java.util.List;
import java.util.Map;

/**
 * Short unit names as the bulletin writes them in its explanations: 盘锦市兴隆台区振兴街道办事处 → 振兴街道,
 * 盘锦市兴隆台区城市管理综合行政执法局 → 综合执法局 (an alias). An alias may name the full or the stripped name.
 */
public final class UnitNames {
    private final List<String> prefixes;
    private final List<String> suffixes;
    private final Map<String, String> aliases;

    public UnitNames(List<String> prefixes, List<String> suffixes, Map<String, String> aliases) {
        this.prefixes = List.copyOf(prefixes);
        this.suffixes = List.copyOf(suffixes);
        this.aliases = Map.copyOf(aliases);
    }

    /** The names of the Xinglongtai district, as in the reference bulletin. */
    public static UnitNames xinglongtai() {
        return new UnitNames(List.of("盘锦市兴隆台区"), List.of("办事处"), Map.of("城市管理综合行政执法局", "综合执法局"));
    }

    /** The short form of a full name; a null or blank name gives {@code fallback}. */
    public String shortName(String fullName, String fallback) {
        if (fullName == null || fullName.isBlank()) {
            return fallback;
        }
        String name = fullName.strip();
        if (aliases.containsKey(name)) {
            return aliases.get(name);
        }
        String stripped = name;
        for (String prefix : prefixes) {
            if (stripped.startsWith(prefix) && stripped.length() > prefix.length()) {
                stripped = stripped.substring(prefix.length());
                break;
            }
        }
        for (String suffix : suffixes) {
            if (stripped.endsWith(suffix) && stripped.length() > suffix.length()) {
                stripped = stripped.substring(0, stripped.length() - suffix.length());
                break;
            }
        }
        return aliases.getOrDefault(stripped, stripped);
    }
}
