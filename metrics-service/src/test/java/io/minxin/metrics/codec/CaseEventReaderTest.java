package io.minxin.metrics.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.DemoStream;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.events.Merged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming reader gives what the contract's reader gives, event for event and rejection for rejection. */
class CaseEventReaderTest {
    private static final String ACCEPTED = "{\"specversion\":\"1.0\",\"id\":\"614418-1\",\"source\":\"/platform/p\","
            + "\"type\":\"minxin.case.accepted\",\"time\":\"2020-09-01T01:00:00Z\",\"datacontenttype\":\"application/json\","
            + "\"data\":{\"caseId\":\"614418\",\"unitId\":\"a\",\"unitName\":\"兴隆台街道\",\"channel\":\"PHONE\","
            + "\"title\":\"占道\\u7ecf\\u8425\",\"occurredAt\":\"2020-09-01T01:00:00Z\"}}";

    @Test
    void everyDemoEventTakesTheStreamingPathAndReadsAsTheContractReadsIt() {
        List<CaseEvent> events = Stream.concat(
                        DemoMonth.generate().caseEvents().stream(), DemoStream.events(8890, 2_000))
                .toList();

        for (CaseEvent event : events) {
            byte[] bytes = EventJson.toBytes(event);
            assertThat(CaseEventReader.plain(bytes)).isEqualTo(event).isEqualTo(EventJson.fromBytes(bytes));
        }
    }

    @Test
    void theCommonShapeWithEscapesAndUnknownFieldsTakesTheStreamingPath() {
        String json = ACCEPTED.replace("\"data\":{", "\"ext\":{\"a\":[1,{\"b\":null}]},\"data\":{\"extra\":[true],");

        assertThat(CaseEventReader.plain(bytes(json))).isNotNull().isEqualTo(EventJson.fromBytes(bytes(json)));
    }

    @Test
    void aMergeTakesTheStreamingPathAndReadsAsTheContractReadsIt() {
        CaseEvent merged = CaseEvent.of(
                "614419-me",
                "/platform/p",
                new Merged("614419", "614418", "a", "重复诉求", Instant.parse("2020-09-01T01:00:07Z")));
        CaseEvent withoutUnit = CaseEvent.of(
                "614420-me",
                "/platform/p",
                new Merged("614420", "614418", null, null, Instant.parse("2020-09-01T01:00:07Z")));

        for (CaseEvent event : List.of(merged, withoutUnit)) {
            byte[] bytes = EventJson.toBytes(event);
            assertThat(CaseEventReader.plain(bytes)).isEqualTo(event).isEqualTo(EventJson.fromBytes(bytes));
        }
    }

    static Stream<String> unusualValues() {
        return Stream.of(
                ACCEPTED,
                ACCEPTED.replace("\"type\":\"minxin.case.accepted\",", "") + "",
                moveDataFirst(ACCEPTED),
                ACCEPTED.replace("\"id\":\"614418-1\"", "\"id\":614418"),
                ACCEPTED.replace("\"id\":\"614418-1\",", ""),
                ACCEPTED.replace("\"source\":\"/platform/p\"", "\"source\":null"),
                ACCEPTED.replace("\"id\":\"614418-1\",", "\"id\":\"x\",\"id\":\"y\","),
                ACCEPTED.replace("\"time\":\"2020-09-01T01:00:00Z\"", "\"time\":null"),
                ACCEPTED.replace("\"time\":\"2020-09-01T01:00:00Z\"", "\"time\":\"2020-09-01T09:00:00+08:00\""),
                ACCEPTED.replace("\"time\":\"2020-09-01T01:00:00Z\"", "\"time\":1598922000"),
                ACCEPTED.replace("\"time\":\"2020-09-01T01:00:00Z\",", ""),
                ACCEPTED.replace(
                        "\"occurredAt\":\"2020-09-01T01:00:00Z\"", "\"occurredAt\":\"2020-09-01T09:00:00+08:00\""),
                ACCEPTED.replace(
                        "\"occurredAt\":\"2020-09-01T01:00:00Z\"", "\"occurredAt\":\"2020-09-01T01:00:00.5Z\""),
                ACCEPTED.replace("\"occurredAt\":\"2020-09-01T01:00:00Z\"", "\"occurredAt\":\"2020-13-01T01:00:00Z\""),
                occurredAt("2020-02-30T01:00:00Z"),
                occurredAt("2020-02-29T23:59:60Z"),
                occurredAt("2020-09-01T24:00:00Z"),
                occurredAt("2020-09-01T01:00:00.123456789Z"),
                occurredAt("2020-09-01T01:00:00.1234567890Z"),
                occurredAt("2020-09-01T01:00:00.Z"),
                occurredAt("2020-09-01T01:00:00,5Z"),
                occurredAt("0000-01-01T00:00:00Z"),
                occurredAt("2020-09-01 01:00:00Z"),
                occurredAt("2020-09-01T01:00:00z"),
                occurredAt("+2020-09-01T01:00:00Z"),
                ACCEPTED.replace("\"time\":\"2020-09-01T01:00:00Z\"", "\"time\":\"2020-09-01T01:00:00.000001Z\""),
                ACCEPTED.replace("\"time\":\"2020-09-01T01:00:00Z\"", "\"time\":\"2020-09-31T01:00:00Z\""),
                ACCEPTED.replace("\"occurredAt\":\"2020-09-01T01:00:00Z\"", "\"occurredAt\":1598922000000"),
                ACCEPTED.replace("\"occurredAt\":\"2020-09-01T01:00:00Z\"", "\"occurredAt\":\"\""),
                ACCEPTED.replace("\"channel\":\"PHONE\"", "\"channel\":\"phone\""),
                ACCEPTED.replace("\"channel\":\"PHONE\"", "\"channel\":null"),
                ACCEPTED.replace("\"unitId\":\"a\"", "\"unitId\":7"),
                ACCEPTED.replace("\"unitId\":\"a\"", "\"unitId\":null"),
                ACCEPTED.replace("\"unitId\":\"a\",", "\"unitId\":\"a\",\"unitId\":\"b\","),
                ACCEPTED.replace("\"caseId\":\"614418\",", ""),
                ACCEPTED.replace("\"type\":\"minxin.case.accepted\"", "\"type\":\"minxin.case.visited\""),
                ACCEPTED.replace("\"type\":\"minxin.case.accepted\"", "\"type\":\"minxin.unit.login\""),
                ACCEPTED.replace("\"type\":\"minxin.case.accepted\"", "\"type\":\"minxin.case.unknown\""),
                ACCEPTED.replace("\"channel\":", "\"jurisdiction\":\"211103\",\"channel\":"),
                ACCEPTED.replace("\"channel\":", "\"jurisdiction\":211103,\"channel\":"),
                ACCEPTED.replace("\"type\":\"minxin.case.accepted\"", "\"type\":\"minxin.case.signed\""),
                ACCEPTED.replace("\"type\":\"minxin.case.accepted\"", "\"type\":\"minxin.case.merged\""),
                merged("\"614418\""),
                merged("614418"),
                merged("null"),
                merged("\"614418\",\"intoCaseId\":\"614417\""),
                ACCEPTED.replace("\"type\":\"minxin.case.accepted\"", "\"type\":\"minxin.unit.registered\""),
                ACCEPTED.replace(",\"data\":{", ",\"data\":null,\"x\":{"),
                ACCEPTED.replace(",\"data\":{", ",\"data\":[],\"x\":{"),
                ACCEPTED.replace("\"data\":{", "\"data\":{},\"x\":{"),
                visited("true"),
                visited("\"true\""),
                visited("1"),
                visited("null"),
                visited(null),
                ACCEPTED + " ",
                ACCEPTED + "{}",
                ACCEPTED.substring(0, ACCEPTED.length() - 2),
                "[" + ACCEPTED + "]",
                "",
                "null",
                "{\"specversion\":");
    }

    @ParameterizedTest
    @MethodSource("unusualValues")
    void unusualValuesReadAsTheContractReadsThem(String json) {
        assertThat(outcome(() -> CaseEventReader.read(bytes(json))))
                .isEqualTo(outcome(() -> EventJson.fromBytes(bytes(json))));
    }

    private static String occurredAt(String text) {
        return ACCEPTED.replace("\"occurredAt\":\"2020-09-01T01:00:00Z\"", "\"occurredAt\":\"" + text + "\"");
    }

    private static String visited(String excellent) {
        return "{\"id\":\"v\",\"source\":\"/p\",\"type\":\"minxin.case.visited\",\"data\":{\"caseId\":\"1\","
                + "\"satisfaction\":\"SATISFIED\"," + (excellent == null ? "" : "\"excellent\":" + excellent + ",")
                + "\"occurredAt\":\"2020-09-03T01:00:00Z\"}}";
    }

    private static String merged(String intoCaseId) {
        return "{\"id\":\"m\",\"source\":\"/p\",\"type\":\"minxin.case.merged\",\"data\":{\"caseId\":\"614419\","
                + "\"intoCaseId\":" + intoCaseId + ",\"reason\":\"重复诉求\",\"occurredAt\":\"2020-09-03T01:00:00Z\"}}";
    }

    private static String moveDataFirst(String json) {
        int data = json.indexOf(",\"data\":");
        return "{" + json.substring(data + 1, json.length() - 1) + "," + json.substring(1, data) + "}";
    }

    /** The event read, or the kind and words of the failure. */
    private static Object outcome(Supplier<CaseEvent> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
