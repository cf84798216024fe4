package io.minxin.e2e.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.e2e.support.Json;
import io.minxin.servicekit.SettingNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The configuration table of README.md is the settings the services declare (the configuration metadata that
 * spring-boot-configuration-processor writes from the settings records and each module's additional metadata),
 * and a default written again in an application.yml placeholder is the declared one.
 */
class SettingsTableTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String BEGIN =
            "<!-- settings: generated from the configuration metadata (SettingsTableTest) -->";
    private static final String END = "<!-- end of settings -->";
    /** Modules whose settings the table shows, in its column order; service-kit's apply to every service. */
    private static final List<String> MODULES = List.of(
            "service-kit",
            "intake-service",
            "metrics-service",
            "ranking-service",
            "notice-service",
            "gateway",
            "console");

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{(minxin\\.[a-z0-9.-]+):((?:[^${}]|\\$\\{[^}]*})*)}");

    record Setting(String property, Set<String> defaults, Set<String> modules, String description) {}

    @Test
    void readmeConfigurationTableIsTheDeclaredSettings() throws IOException {
        String expected = table(settings());
        String readme = Files.readString(ROOT.resolve("README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the line %s", BEGIN).isNotNegative();
        assertThat(end).as("README.md has the line %s", END).isGreaterThan(begin);
        String actual = readme.substring(begin + BEGIN.length(), end).strip() + "\n";
        Path written = Path.of("target", "settings-table.md");
        Files.createDirectories(written.getParent());
        Files.writeString(written, expected);
        assertThat(actual)
                .as(
                        "README.md's settings table differs from the declared settings; the table they make is in %s",
                        written.toAbsolutePath())
                .isEqualTo(expected);
    }

    @Test
    void everyDefaultWrittenAgainInAPlaceholderIsTheDeclaredOne() throws IOException {
        Map<String, Setting> settings = settings();
        List<String> differing = new ArrayList<>();
        for (String module : MODULES) {
            List<Path> sources = new ArrayList<>();
            Path yml = ROOT.resolve(module).resolve("src/main/resources/application.yml");
            if (Files.exists(yml)) {
                sources.add(yml);
            }
            try (var java = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                java.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
            }
            for (Path source : sources) {
                Matcher placeholder = PLACEHOLDER.matcher(Files.readString(source));
                while (placeholder.find()) {
                    Setting setting = settings.get(placeholder.group(1));
                    String where = ROOT.relativize(source) + ": " + placeholder.group(1);
                    if (setting == null) {
                        differing.add(where + " is not a declared setting");
                    } else if (!setting.defaults().contains(placeholder.group(2))) {
                        differing.add(
                                where + " defaults to " + placeholder.group(2) + ", declared " + setting.defaults());
                    }
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    static Map<String, Setting> settings() throws IOException {
        Map<String, Setting> settings = new TreeMap<>();
        for (String module : MODULES) {
            Path metadata = ROOT.resolve(module).resolve("target/classes/META-INF/spring-configuration-metadata.json");
            assertThat(metadata).as("built before the e2e module").exists();
            for (JsonNode property : Json.read(Files.readAllBytes(metadata)).path("properties")) {
                String name = property.path("name").asString();
                if (!name.startsWith("minxin.")) {
                    continue;
                }
                Setting setting = settings.computeIfAbsent(
                        name,
                        key -> new Setting(
                                key,
                                new LinkedHashSet<>(),
                                new LinkedHashSet<>(),
                                property.path("description").asString("").strip()));
                setting.defaults().add(defaultOf(property.path("defaultValue")));
                setting.modules().add(module);
            }
        }
        return settings;
    }

    private static String defaultOf(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString()));
            return String.join(",", items);
        }
        return value.asString();
    }

    static String table(Map<String, Setting> settings) {
        StringBuilder table = new StringBuilder("| variable | default | used by | what |\n|---|---|---|---|\n");
        for (Setting setting : settings.values()) {
            table.append("| `")
                    .append(SettingNames.environmentVariable(setting.property()))
                    .append("` | ")
                    .append(setting.defaults().stream()
                            .map(value -> value.isEmpty() ? "none" : "`" + value + "`")
                            .reduce((a, b) -> a + " / " + b)
                            .orElse("none"))
                    .append(" | ")
                    .append(
                            setting.modules().contains("service-kit")
                                    ? "every service"
                                    : String.join(", ", setting.modules()).replace("-service", ""))
                    .append(" | ")
                    .append(setting.description()
                            .replaceAll("\\{@code ([^}]*)}", "`$1`")
                            .replace("|", "\\|")
                            .replace('\n', ' '))
                    .append(" |\n");
        }
        return table.toString();
    }

    @Test
    void tableNamesEachSettingByItsEnvironmentVariable() {
        Setting cutOff = new Setting(
                "minxin.period.cut-off-day",
                new LinkedHashSet<>(List.of("0")),
                new LinkedHashSet<>(List.of("service-kit")),
                "0 for calendar months");

        assertThat(table(new TreeMap<>(Map.of(cutOff.property(), cutOff))))
                .contains("| `MINXIN_PERIOD_CUT_OFF_DAY` | `0` | every service | 0 for calendar months |");
    }
}
