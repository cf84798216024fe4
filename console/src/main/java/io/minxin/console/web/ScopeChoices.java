package io.minxin.console.web;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.UnitRef;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The units a key or an account may be limited to, offered by name where a scope is typed: those with figures in
 * the page's default month or the month before. A unit not among them (new, no case yet) can still be typed as
 * {@code unit:编号}; the gateway checks what is sent. Without metrics-service the form still works, without the names.
 */
@Component
public class ScopeChoices {
    private static final Logger log = LoggerFactory.getLogger(ScopeChoices.class);
    private final MetricsClient metrics;
    private final Periods periods;

    ScopeChoices(MetricsClient metrics, Periods periods) {
        this.metrics = metrics;
        this.periods = periods;
    }

    /** Units by name; empty (never an error) when no month has figures or metrics-service does not answer. */
    public Mono<List<UnitRef>> units() {
        YearMonth last = periods.defaultPeriod();
        return Flux.just(last, last.minusMonths(1))
                .flatMap(month -> metrics.units(month.toString()).onErrorResume(failure -> {
                    if (!ApiFailure.isNotFound(failure)) {
                        log.warn("No units to offer as scopes from {}: {}", month, failure.toString());
                    }
                    return Mono.just(List.of());
                }))
                .collect(() -> new TreeMap<String, UnitRef>(), ScopeChoices::addAll)
                .map(byId -> byId.values().stream()
                        .sorted(Comparator.comparing(
                                unit -> Objects.requireNonNullElse(unit.unitName(), unit.unitId())))
                        .toList());
    }

    /** Unit id → name of the units that have one, for showing a scope by name. */
    public static Map<String, String> names(List<UnitRef> units) {
        Map<String, String> names = new TreeMap<>();
        units.forEach(unit -> {
            if (unit.unitName() != null) {
                names.put(unit.unitId(), unit.unitName());
            }
        });
        return names;
    }

    private static void addAll(Map<String, UnitRef> byId, List<UnitRef> units) {
        units.forEach(unit -> byId.putIfAbsent(unit.unitId(), unit));
    }
}
