package io.minxin.notice.notices;

import io.minxin.events.identity.Caller;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.registry.UnitRegistry;
import io.minxin.servicekit.scope.UnitAccess;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {
    private static final int MAX_LIMIT = 5000;

    private final Notices notices;
    private final NoticeScope scope;
    private final UnitRegistry registry;

    NoticeController(Notices notices, UnitAccess access, UnitRegistry registry) {
        this.notices = notices;
        this.scope = new NoticeScope(access);
        this.registry = registry;
    }

    @GetMapping
    @Operation(
            summary = "Alerts, 提示函 and bulletin notices, oldest fact first; a unit-scoped caller gets its own unit's"
                    + " (another unit's: 403); with jurisdiction, the notices of units that belonged to it when the fact"
                    + " occurred (an unknown jurisdiction: 404)")
    Flux<Notice> find(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String unitId,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(defaultValue = "1000") int limit,
            Caller caller) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        NoticeType noticeType = type == null || type.isBlank() ? null : type(type);
        String unit = scope.unitToFind(caller.scope(), blankToNull(unitId));
        String district = blankToNull(jurisdiction);
        registry.require(district);
        if (NoticeScope.needsFilter(caller.scope(), unit) || district != null) {
            return notices.find(noticeType, unit, blankToNull(period), MAX_LIMIT)
                    .filter(notice -> scope.visible(caller.scope(), notice))
                    .filter(notice ->
                            district == null || registry.belongs(notice.unitId(), district, notice.occurredAt()))
                    .take(limit);
        }
        return notices.find(noticeType, unit, blankToNull(period), limit);
    }

    private static NoticeType type(String name) {
        try {
            return NoticeType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "type", "unknown type " + name + "; one of " + Arrays.toString(NoticeType.values()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
