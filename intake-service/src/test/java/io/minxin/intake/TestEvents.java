package io.minxin.intake;

import io.minxin.events.Accepted;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.EventJson;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.UnitLogin;
import io.minxin.events.Visited;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;
import io.minxin.servicekit.identity.TestIdentity;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
