package io.minxin.intake;

import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventCsv;
import io.minxin.events.EventJson;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.ExtensionRequested;
import io.minxin.events.HandlingRole;
import io.minxin.events.Merged;
import io.minxin.events.Reopened;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Signed;
import io.minxin.events.Supervised;
import io.minxin.events.UnitLogin;
import io.minxin.events.UnitRegistered;
import io.minxin.events.Visited;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.servicekit.identity.TestIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid events of the contract and their wire forms, for tests. */
public final class TestEvents {
    /** The service's name, the audience of the gateway's tokens for it. */
    public static final String AUDIENCE = "intake-service";

    /** {@code Authorization} as the gateway sends it for an integration key. */
    public static String integrationToken() {
        return TestIdentity.shared().bearer(Role.INTEGRATION, Scope.ALL, AUDIENCE);
    }

    public static final String SOURCE = "/platform/test-8890";
    public static final Instant AT = Instant.parse("2024-09-02T01:00:00Z");

    public static CaseEvent accepted(String id, String caseId) {
        return CaseEvent.of(
                id, SOURCE, new Accepted(caseId, "u-01", "区住建局", Channel.PHONE, "小区供暖不热", null, AT, null, null));
    }

    public static CaseEvent returned(String id, String caseId) {
        return CaseEvent.of(id, SOURCE, new Returned(caseId, "u-01", "不属于我单位职责", AT.plusSeconds(60)));
    }

    public static CaseEvent concluded(String id, String caseId) {
        return CaseEvent.of(id, SOURCE, new Concluded(caseId, "u-02", "已解决", AT.plusSeconds(120)));
    }

    public static CaseEvent visited(String id, String caseId) {
        return CaseEvent.of(id, SOURCE, new Visited(caseId, "u-02", Satisfaction.SATISFIED, true, AT.plusSeconds(180)));
    }

    public static CaseEvent login(String id, String unitId) {
        return CaseEvent.of(id, SOURCE, new UnitLogin(unitId, AT));
    }

    /**
     * One event of each optional type of the contract (issue 18) about case {@code caseId} and unit {@code unitId},
     * ids {@code <prefix>1}, {@code <prefix>2}, ...: dispatch as lead and as co-handler, sign-in, an extension
     * requested and approved, another refused, supervision, re-handling, a merge into {@code caseId} of another case,
     * the unit's registration in 兴隆台区, and an acceptance naming its jurisdiction.
     */
    public static List<CaseEvent> optionalTypes(String prefix, String caseId, String unitId) {
        Instant due = AT.plus(Duration.ofDays(20));
        List<CaseEvent> events = new ArrayList<>();
        List.of(
                        new Assigned(caseId, unitId, "区住建局", HandlingRole.LEAD, "city-8890", due, AT),
                        new Assigned(caseId, "u-02", null, HandlingRole.CO_HANDLING, unitId, null, AT),
                        new Signed(caseId, unitId, AT.plusSeconds(600)),
                        new ExtensionRequested(caseId, unitId, "yq-1", due, "需协调供热公司", AT.plusSeconds(700)),
                        new ExtensionDecided(
                                caseId,
                                unitId,
                                "yq-1",
                                ExtensionOutcome.APPROVED,
                                due,
                                "市12345中心",
                                null,
                                AT.plusSeconds(800)),
                        new ExtensionDecided(
                                caseId,
                                unitId,
                                null,
                                ExtensionOutcome.REFUSED,
                                null,
                                null,
                                "理由不充分",
                                AT.plusSeconds(900)),
                        new Supervised(caseId, unitId, "市政府督查室", "群众多次来电", null, AT.plusSeconds(1000)),
                        new Reopened(caseId, unitId, "回访不满意", due, AT.plusSeconds(1100)),
                        new Merged(caseId + "-dup", caseId, unitId, "重复诉求", AT.plusSeconds(1200)),
                        new UnitRegistered(unitId, "区住建局", "211103", "兴隆台区", AT),
                        new Accepted(caseId, unitId, "区住建局", Channel.WEB, "供暖", null, AT, null, null, "211103"))
                .forEach(data -> events.add(CaseEvent.of(prefix + (events.size() + 1), SOURCE, data)));
        return events;
    }

    /** The events as CSV, one column for every envelope and data field of the contract. */
    public static String csv(List<CaseEvent> events) {
        List<String> columns = new ArrayList<>(EventCsv.ENVELOPE_COLUMNS);
        columns.addAll(EventCsv.DATA_COLUMNS);
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (CaseEvent event : events) {
            ObjectNode node = json(event);
            JsonNode data = node.get("data");
            csv.append(columns.stream()
                            .map(column -> node.has(column) ? node.get(column) : data.get(column))
                            .map(value -> value == null ? "" : value.asString())
                            .collect(Collectors.joining(",")))
                    .append('\n');
        }
        return csv.toString();
    }

    /** {@code count} log-ins of one unit, ids e1, e2, ... */
    public static List<CaseEvent> logins(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> login("e" + i, "u-01"))
                .toList();
    }

    public static ObjectNode json(CaseEvent event) {
        return EventJson.toNode(event);
    }

    public static String array(List<?> items) {
        ArrayNode array = EventJson.mapper().createArrayNode();
        items.forEach(item -> array.add(item instanceof CaseEvent ? json((CaseEvent) item) : (ObjectNode) item));
        return array.toString();
    }

    public static String ndjson(List<CaseEvent> events) {
        return events.stream().map(EventJson::toJson).collect(Collectors.joining("\n", "", "\n"));
    }

    private TestEvents() {}
}
