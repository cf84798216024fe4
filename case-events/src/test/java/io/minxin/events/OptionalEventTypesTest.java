package io.minxin.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.minxin.events.problem.FieldViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The optional types of issue 18: dispatch, sign-in, extensions, supervision, re-handling, merge, unit directory. */
class OptionalEventTypesTest {
    private static final Instant AT = Instant.parse("2020-09-01T01:00:00Z");
    private static final String WHEN = "2020-09-01T09:00:00+08:00";
    private final EventValidator validator = new EventValidator(
            Clock.fixed(Instant.parse("2020-10-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofHours(24));

    /** One event of each optional type as an integrator writes it, the record it becomes, its required fields. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(
                        "minxin.case.assigned",
                        "{'caseId':'614418','unitId':'xlt-zj','unitName':'兴隆台区住建局','role':'LEAD',"
                                + "'dispatcher':'city-8890','dueAt':'2020-09-08T17:00:00+08:00','occurredAt':'" + WHEN
                                + "'}",
                        new Assigned(
                                "614418",
                                "xlt-zj",
                                "兴隆台区住建局",
                                HandlingRole.LEAD,
                                "city-8890",
                                Instant.parse("2020-09-08T09:00:00Z"),
                                AT),
                        List.of("caseId", "unitId", "role", "dispatcher", "occurredAt")),
                Arguments.of(
                        "minxin.case.signed",
                        "{'caseId':'614418','unitId':'xlt-zj','occurredAt':'" + WHEN + "'}",
                        new Signed("614418", "xlt-zj", AT),
                        List.of("caseId", "unitId", "occurredAt")),
                Arguments.of(
                        "minxin.case.extension-requested",
                        "{'caseId':'614418','unitId':'xlt-zj','extensionId':'yq-1','requestedDueAt':"
                                + "'2020-09-15T17:00:00+08:00','reason':'需协调供热公司','occurredAt':'" + WHEN + "'}",
                        new ExtensionRequested(
                                "614418", "xlt-zj", "yq-1", Instant.parse("2020-09-15T09:00:00Z"), "需协调供热公司", AT),
                        List.of("caseId", "unitId", "requestedDueAt", "reason", "occurredAt")),
                Arguments.of(
                        "minxin.case.extension-decided",
                        "{'caseId':'614418','unitId':'xlt-zj','extensionId':'yq-1','outcome':'APPROVED',"
                                + "'dueAt':'2020-09-15T17:00:00+08:00','decidedBy':'市12345中心','occurredAt':'" + WHEN
                                + "'}",
                        new ExtensionDecided(
                                "614418",
                                "xlt-zj",
                                "yq-1",
                                ExtensionOutcome.APPROVED,
                                Instant.parse("2020-09-15T09:00:00Z"),
                                "市12345中心",
                                null,
                                AT),
                        List.of("caseId", "unitId", "outcome", "dueAt", "occurredAt")),
                Arguments.of(
                        "minxin.case.supervised",
                        "{'caseId':'614418','unitId':'xlt-zj','supervisor':'市政府督查室','occurredAt':'" + WHEN + "'}",
                        new Supervised("614418", "xlt-zj", "市政府督查室", null, null, AT),
                        List.of("caseId", "unitId", "occurredAt")),
                Arguments.of(
                        "minxin.case.reopened",
                        "{'caseId':'614418','unitId':'xlt-zj','reason':'回访不满意','occurredAt':'" + WHEN + "'}",
                        new Reopened("614418", "xlt-zj", "回访不满意", null, AT),
                        List.of("caseId", "unitId", "occurredAt")),
                Arguments.of(
                        "minxin.case.merged",
                        "{'caseId':'614419','intoCaseId':'614418','occurredAt':'" + WHEN + "'}",
                        new Merged("614419", "614418", null, null, AT),
                        List.of("caseId", "intoCaseId", "occurredAt")),
                Arguments.of(
                        "minxin.unit.registered",
                        "{'unitId':'dw-sw','unitName':'大洼区水务局','jurisdiction':'211104','jurisdictionName':'大洼区',"
                                + "'occurredAt':'" + WHEN + "'}",
                        new UnitRegistered("dw-sw", "大洼区水务局", "211104", "大洼区", AT),
                        List.of("unitId", "jurisdiction", "occurredAt")));
    }

    private static ObjectNode event(String type, String data) {
        return (ObjectNode) EventJson.mapper()
                .readTree(("{'specversion':'1.0','id':'e1','source':'/platform/panjin-8890','type':'" + type
                                + "','data':" + data + "}")
                        .replace('\'', '"'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenAnOptionalTypeWhenValidThenItIsItsRecordKeyedAndRoutedLikeTheOthers(
            String type, String data, EventData expected, List<String> required) {
        EventValidator.Result result = validator.validate(event(type, data));

        assertThat(result.violations()).isEmpty();
        CaseEvent event = result.events().get(0);
        assertThat(event.type().ceType()).isEqualTo(type);
        assertThat(event.data()).isEqualTo(expected);
        if (expected instanceof CaseData caseData) {
            assertThat(event.key()).isEqualTo(caseData.caseId());
            assertThat(event.topic()).isEqualTo(Topics.CASE_EVENTS);
        } else {
            assertThat(event.key()).isEqualTo("dw-sw");
            assertThat(event.topic()).isEqualTo(Topics.UNIT_ACTIVITY);
        }
        assertThat(EventJson.fromBytes(EventJson.toBytes(event))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenAnOptionalTypeWhenARequiredFieldIsMissingThenTheViolationNamesTheItemAndTheField(
            String type, String data, EventData expected, List<String> required) {
        for (String field : required) {
            ObjectNode item = event(type, data);
            ((ObjectNode) item.get("data")).remove(field);

            List<FieldViolation> violations =
                    validator.validate(List.of(event(type, data), item)).violations();

            assertThat(violations)
                    .as("%s without %s", type, field)
                    .extracting(
                            FieldViolation::index, FieldViolation::id, FieldViolation::field, FieldViolation::message)
                    .containsExactly(tuple(1, "e1", "data." + field, "is required"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void givenAnOptionalTypeWhenACsvRowCarriesItThenItIsTheSameEventAndAMissingColumnIsNamed(
            String type, String data, EventData expected, List<String> required) {
        JsonNode dataNode = event(type, data).get("data");
        List<String> columns = dataNode.propertyNames().stream().toList();
        String header = "id,source,type," + String.join(",", columns);
        String row = "e1,/platform/panjin-8890," + type + ","
                + String.join(
                        ",",
                        columns.stream().map(c -> dataNode.get(c).asString()).toList());

        EventCsv.Rows rows = EventCsv.read(header + "\n" + row + "\n");
        EventValidator.Result result = validator.validate(rows.items());

        assertThat(result.violations()).isEmpty();
        assertThat(result.events()).singleElement().extracting(CaseEvent::data).isEqualTo(expected);
        String dropped = required.get(1);
        String shortHeader = "id,source,type,"
                + String.join(
                        ",", columns.stream().filter(c -> !c.equals(dropped)).toList());
        assertThat(EventCsv.read(shortHeader + "\ne1,/p," + type + "\n").violations())
                .extracting(FieldViolation::field)
                .containsExactly("csv." + dropped);
    }

    @Test
    void givenAnApprovedExtensionWithoutANewDeadlineOrARefusedOneWithOneThenDataDueAtIsNamed() {
        String approved = "{'caseId':'1','unitId':'u','outcome':'APPROVED','occurredAt':'" + WHEN + "'}";
        String refused = "{'caseId':'1','unitId':'u','outcome':'REFUSED','dueAt':'2020-09-15T17:00:00+08:00',"
                + "'occurredAt':'" + WHEN + "'}";
        String refusedPlain =
                "{'caseId':'1','unitId':'u','outcome':'REFUSED','reason':'理由不充分','occurredAt':'" + WHEN + "'}";

        List<FieldViolation> violations = validator
                .validate(List.of(
                        event("minxin.case.extension-decided", approved),
                        event("minxin.case.extension-decided", refused),
                        event("minxin.case.extension-decided", refusedPlain)))
                .violations();

        assertThat(violations)
                .extracting(FieldViolation::index, FieldViolation::field, FieldViolation::message)
                .containsExactly(
                        tuple(0, "data.dueAt", "is required"),
                        tuple(1, "data.dueAt", "only an APPROVED extension has a new deadline"));
    }

    @Test
    void givenACaseMergedIntoItselfThenDataIntoCaseIdIsNamed() {
        String data = "{'caseId':'614418','intoCaseId':'614418','occurredAt':'" + WHEN + "'}";

        assertThat(validator.validate(event("minxin.case.merged", data)).violations())
                .extracting(FieldViolation::field, FieldViolation::message)
                .containsExactly(tuple("data.intoCaseId", "must name another case than data.caseId"));
    }

    @Test
    void givenADispatchOfAnUnknownRoleThenTheViolationListsTheRoles() {
        String data = "{'caseId':'1','unitId':'u','role':'HELPER','dispatcher':'d','occurredAt':'" + WHEN + "'}";

        assertThat(validator.validate(event("minxin.case.assigned", data)).violations())
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("data.role");
                    assertThat(v.message()).contains("HELPER", "LEAD", "CO_HANDLING");
                });
    }

    @Test
    void givenAnAcceptanceWithAJurisdictionThenItIsCarriedAndWithoutOneItIsTheSameEventAsBefore() {
        String with = "{'caseId':'614418','unitId':'u1','channel':'PHONE','jurisdiction':'211103','occurredAt':'" + WHEN
                + "'}";
        String without = "{'caseId':'614418','unitId':'u1','channel':'PHONE','occurredAt':'" + WHEN + "'}";

        Accepted carried = (Accepted) validator
                .validate(event("minxin.case.accepted", with))
                .events()
                .get(0)
                .data();
        Accepted plain = (Accepted) validator
                .validate(event("minxin.case.accepted", without))
                .events()
                .get(0)
                .data();

        assertThat(carried.jurisdiction()).isEqualTo("211103");
        assertThat(plain).isEqualTo(new Accepted("614418", "u1", null, Channel.PHONE, null, null, AT, null, null));
        assertThat(EventJson.toJson(CaseEvent.of("e1", "/p", plain))).doesNotContain("jurisdiction");
    }

    @Test
    void givenAJurisdictionLongerThanTheLimitThenItsLengthIsNamed() {
        String data = "{'unitId':'u','jurisdiction':'" + "x".repeat(65) + "','occurredAt':'" + WHEN + "'}";

        assertThat(validator.validate(event("minxin.unit.registered", data)).violations())
                .extracting(FieldViolation::field, FieldViolation::message)
                .containsExactly(tuple("data.jurisdiction", "is 65 characters long; at most 64 allowed"));
    }
}
