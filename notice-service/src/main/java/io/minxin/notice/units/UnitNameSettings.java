package io.minxin.notice.units;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How full unit names are shortened in texts.
 *
 * @param stripPrefixes removed from the start of a name (the first that matches)
 * @param stripSuffixes removed from the end (the first that matches)
 * @param aliases full or stripped name → short name, for names that are shortened otherwise
 */
@ConfigurationProperties("minxin.notice.unit-names")
public record UnitNameSettings(
        @DefaultValue("盘锦市兴隆台区") List<String> stripPrefixes,
        @DefaultValue("办事处") List<String> stripSuffixes,
        Map<String, String> aliases) {

    public UnitNames unitNames() {
        return new UnitNames(stripPrefixes, stripSuffixes, aliases == null ? Map.of() : aliases);
    }
}
