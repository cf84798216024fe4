package io.minxin.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.UnitRegistered;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DemoMonthCliTest {
    @TempDir
    Path dir;

    @Test
    void writesTheMonthAsNdjsonToStandardOutput() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        DemoMonthCli.run(DemoMonthCli.parse(new String[0]), stdout);

        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> expected =
                DemoMonth.generate().events().stream().map(EventJson::toJson).toList();
        assertThat(lines).isEqualTo(expected);
    }

    @Test
    void writesEventsAndExpectedTotalsToFiles() throws IOException {
        Path out = dir.resolve("events.ndjson");
        Path expected = dir.resolve("expected.json");
        DemoMonthCli.Options options = DemoMonthCli.parse(new String[] {
            "--seed", "7", "--month", "2020-10", "--out", out.toString(), "--expected", expected.toString()
        });

        DemoMonthCli.run(options, new ByteArrayOutputStream());

        DemoMonth demo = DemoMonth.generate(7, YearMonth.of(2020, 10));
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
                .hasSize(demo.events().size());
        JsonNode totals = EventJson.mapper().readTree(expected.toFile());
        assertThat(totals.path("month").asString()).isEqualTo("2020-10");
        assertThat(totals.path("total").path("counts").path("received").asLong())
                .isEqualTo(1316);
        assertThat(totals.path("byUnit").has("xlt-gongxin|PHONE")).isTrue();
    }

    @Test
    void directoryOptionWritesEveryDemoUnitRegisteredInTheDemoDistrict() throws IOException {
        Path directory = dir.resolve("units.ndjson");

        DemoMonthCli.run(
                DemoMonthCli.parse(new String[] {"--directory", directory.toString()}), new ByteArrayOutputStream());

        List<CaseEvent> registrations = Files.readAllLines(directory, StandardCharsets.UTF_8).stream()
                .map(line -> EventJson.fromBytes(line.getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertThat(registrations)
                .hasSize(DemoUnit.ALL.size())
                .allSatisfy(event -> assertThat(((UnitRegistered) event.data()).jurisdiction())
                        .isEqualTo("211103"));
        assertThat(registrations)
                .extracting(event -> ((UnitRegistered) event.data()).unitId())
                .containsExactlyElementsOf(
                        DemoUnit.ALL.stream().map(DemoUnit::unitId).toList());
        assertThat(DemoMonth.generate().events())
                .as("the month's events are the month's only")
                .noneMatch(event -> event.data() instanceof UnitRegistered);
    }

    @Test
    void messyOptionWritesEveryEventTwice() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        DemoMonthCli.run(DemoMonthCli.parse(new String[] {"--messy", "3"}), stdout);

        assertThat(stdout.toString(StandardCharsets.UTF_8).lines().count())
                .isEqualTo(DemoMonth.generate().events().size() * 2L);
    }

    @Test
    void badArgumentsAreRefusedWithTheOptionName() {
        assertThatThrownBy(() -> DemoMonthCli.parse(new String[] {"--seed", "x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--seed");
        assertThatThrownBy(() -> DemoMonthCli.parse(new String[] {"--month"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--month");
        assertThatThrownBy(() -> DemoMonthCli.parse(new String[] {"--colour", "red"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--colour");
    }
}
