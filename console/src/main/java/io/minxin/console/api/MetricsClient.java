package io.minxin.console.api;

import io.minxin.events.state.CaseState;
import io.minxin.events.state.Jurisdiction;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** metrics-service through the gateway: the overview of a month and its units. */
@Component
public class MetricsClient {
    private static final ParameterizedTypeReference<List<Jurisdiction>> JURISDICTIONS =
            new ParameterizedTypeReference<>() {};

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
     * {@code GET /api/v1/overview/months?from=&to=}: the overview of every month of the range, oldest first, in one
     * call; a month without data has zero cases and null rates.
     */
    public Mono<List<Overview>> overviewMonths(YearMonth from, YearMonth to) {
        return overviewMonths(from, to, null);
    }

    /** {@link #overviewMonths(YearMonth, YearMonth)} of one jurisdiction's units ({@code &jurisdiction=}; null: all). */
    public Mono<List<Overview>> overviewMonths(YearMonth from, YearMonth to, String jurisdiction) {
        return api.get(
                        uri -> uri.path("/api/v1/overview/months")
                                .queryParam("from", from)
                                .queryParam("to", to)
                                .queryParamIfPresent("jurisdiction", Optional.ofNullable(jurisdiction))
                                .build(),
                        OverviewMonths.class)
                .map(OverviewMonths::months);
    }

    /**
     * {@code GET /api/v1/jurisdictions}: the districts units are registered in now, by id; none for a platform of one
     * district (and from a metrics-service that does not answer it).
     */
    public Mono<List<Jurisdiction>> jurisdictions() {
        return api.get(uri -> uri.path("/api/v1/jurisdictions").build(), JURISDICTIONS)
                .onErrorResume(ApiFailure::isNotFound, missing -> Mono.just(List.of()));
    }

    /**
     * {@code GET /api/v1/units/{unitId}/months?from=&to=}: the unit's rows of every month of the range, oldest first
     * (none in a month without it); 404 for a unit no event named, 403 for another unit than a liaison's own.
     */
    public Mono<List<List<UnitRow>>> unitMonths(String unitId, YearMonth from, YearMonth to) {
        return api.get(
                        uri -> uri.path("/api/v1/units/{unitId}/months")
                                .queryParam("from", from)
                                .queryParam("to", to)
                                .build(unitId),
                        UnitMonths.class)
                .map(answer -> answer.months().stream()
                        .map(table -> table.units() == null ? List.<UnitRow>of() : table.units())
                        .toList());
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

    /** The parts of {@code GET /api/v1/overview/months} the console reads. */
    record OverviewMonths(List<Overview> months) {}

    /** The parts of {@code GET /api/v1/units/{unitId}/months} the console reads. */
    record UnitMonths(List<UnitTable> months) {}
}
