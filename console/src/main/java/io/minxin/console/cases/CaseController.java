package io.minxin.console.cases;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.MetricsClient;
import io.minxin.console.api.NoticeClient;
import io.minxin.console.api.UnitRef;
import io.minxin.console.web.Periods;
import io.minxin.console.web.Viewer;
import io.minxin.servicekit.identity.CallerContext;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A unit's cases of a month ({@code /console/cases?period=&unit=}) and one case with its timeline
 * ({@code /console/cases/{caseId}}). A unit liaison's list is their own unit's (another unit's: the API's 403, shown
 * as the 403 page); operators and leaders pick the unit. Anyone may look a case up by its number ({@code ?caseId=}
 * redirects to its page); metrics-service answers only a case the person's scope covers.
 */
@Controller
class CaseController {
    /** A case id as the source systems write it: digits and letters, a dash or an underscore. */
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final MetricsClient metrics;
    private final NoticeClient notices;
    private final Periods periods;

    CaseController(MetricsClient metrics, NoticeClient notices, Periods periods) {
        this.metrics = metrics;
        this.notices = notices;
        this.periods = periods;
    }

    @GetMapping("/console/cases")
    Mono<Rendering> cases(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String caseId) {
        if (caseId != null && CASE_ID.matcher(caseId.strip()).matches()) {
            return Mono.just(
                    Rendering.redirectTo("/console/cases/" + caseId.strip()).build());
        }
        Periods.Asked asked = periods.asked(period);
        String month = asked.month().toString();
        return CallerContext.current().map(Viewer::of).flatMap(viewer -> {
            String unitId = unit != null && !unit.isBlank() ? unit.strip() : viewer.unitId();
            Mono<List<UnitRef>> units = viewer.unitId() != null
                    ? Mono.just(List.of())
                    : metrics.units(month).onErrorResume(ApiFailure::isNotFound, none -> Mono.just(List.of()));
            Mono<List<CaseList.Row>> rows = unitId == null
                    ? Mono.just(List.of())
                    : Mono.zip(notices.notices(month, unitId), notices.reviews(month, null), notices.disputes(month))
                            .map(all -> CaseList.of(unitId, all.getT1(), all.getT2(), all.getT3()));
            return Mono.zip(units, rows)
                    .map(both -> Rendering.view("cases/cases")
                            .modelAttribute("period", month)
                            .modelAttribute("unreadablePeriod", asked.unreadable())
                            .modelAttribute("unitId", unitId == null ? "" : unitId)
                            .modelAttribute("units", both.getT1())
                            .modelAttribute("cases", both.getT2())
                            .build());
        });
    }

    @GetMapping("/console/cases/{caseId}")
    Mono<Rendering> caseOf(@PathVariable String caseId) {
        if (!CASE_ID.matcher(caseId).matches()) {
            return Mono.just(missing(caseId));
        }
        return metrics.caseState(caseId)
                .map(state -> Rendering.view("cases/case")
                        .modelAttribute("caseId", caseId)
                        .modelAttribute("state", state)
                        .modelAttribute(
                                "period",
                                state.period() == null ? periods.defaultPeriod().toString() : state.period())
                        .modelAttribute("timeline", Timeline.of(state))
                        .build())
                .onErrorResume(ApiFailure::isNotFound, none -> Mono.just(missing(caseId)));
    }

    private Rendering missing(String caseId) {
        return Rendering.view("cases/case")
                .status(HttpStatus.NOT_FOUND)
                .modelAttribute("caseId", caseId)
                .modelAttribute("period", periods.defaultPeriod().toString())
                .build();
    }
}
