package io.minxin.console.api;

import io.minxin.events.state.CaseState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** metrics-service through the gateway: the overview of a month and its units. */
@Component
public class MetricsClient {
    private final GatewayApi api;

    MetricsClient(GatewayApi api) {
        this.api = api;
    }

    /** {@code GET /api/v1/overview?period=}: 404 when the month has no data. */
    public Mono<Overview> overview(String period) {
        return api.get(
                uri -> uri.path("/api/v1/overview").queryParam("period", period).build(), Overview.class);
    }

    /** The units with figures in the month (both channels), by name: {@code GET /api/v1/units?period=}. */
    public Mono<List<UnitRef>> units(String period) {
        return unitRows(period).map(rows -> {
            Map<String, UnitRef> byId = new TreeMap<>();
            for (UnitRow row : rows) {
                byId.putIfAbsent(row.unitId(), new UnitRef(row.unitId(), row.unitName()));
            }
            return byId.values().stream()
                    .sorted(Comparator.comparing(unit -> Objects.requireNonNullElse(unit.unitName(), unit.unitId())))
                    .toList();
        });
    }

    /**
     * {@code GET /api/v1/units?period=}: one row per unit and channel with figures in the month, as far as the
     * person's scope reaches (a unit liaison: their unit's rows only); 404 when the month has no data.
     */
    public Mono<List<UnitRow>> unitRows(String period) {
        return api.get(
                        uri -> uri.path("/api/v1/units")
                                .queryParam("period", period)
                                .build(),
                        UnitTable.class)
                .map(table -> table.units() == null ? List.of() : table.units());
    }

    /**
     * {@code GET /api/v1/cases/{caseId}}: the case's state and every distinct event and decision in order; 403 when
     * the case is not of the person's unit, 404 when there is no such case.
     */
    public Mono<CaseState> caseState(String caseId) {
        return api.get(uri -> uri.path("/api/v1/cases/{caseId}").build(caseId), CaseState.class);
    }

    /** The parts of {@code GET /api/v1/units} the console reads. */
    record UnitTable(String period, List<UnitRow> units) {}
}
