package io.minxin.metrics.testing;

import io.minxin.events.Accepted;
import io.minxin.events.Assigned;
import io.minxin.events.CaseEvent;
import io.minxin.events.Channel;
import io.minxin.events.Concluded;
import io.minxin.events.ExtensionDecided;
import io.minxin.events.ExtensionOutcome;
import io.minxin.events.HandlingRole;
import io.minxin.events.Merged;
import io.minxin.events.Reopened;
import io.minxin.events.Returned;
import io.minxin.events.Satisfaction;
import io.minxin.events.Signed;
import io.minxin.events.Supervised;
import io.minxin.events.Visited;
import io.minxin.events.state.AssessmentPeriod;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/** Short-hand for the events of one case in tests; times are local Asia/Shanghai date-times. */
public final class CaseEvents {
    public static final String SOURCE = "/platform/test-8890";

    private final String caseId;
    private final AtomicInteger ids = new AtomicInteger();

    public CaseEvents(String caseId) {
        this.caseId = caseId;
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AssessmentPeriod.ZONE).toInstant();
    }

    public CaseEvent accepted(String unitId, Channel channel, String at) {
        return accepted(unitId, channel, at, null);
    }

    public CaseEvent accepted(String unitId, Channel channel, String at, String dueAt) {
        return event(new Accepted(
                caseId,
                unitId,
                "name of " + unitId,
                channel,
                "诉求 " + caseId,
                null,
                at(at),
                dueAt == null ? null : at(dueAt),
                null));
    }

    public CaseEvent returned(String unitId, String at) {
        return event(new Returned(caseId, unitId, "不归我单位管辖", at(at)));
    }

    public CaseEvent concluded(String unitId, String at) {
        return concluded(unitId, at, "已办结");
    }

    /** 办结 with {@code reply} (答复/反馈) to the citizen, which may be null or blank. */
    public CaseEvent concluded(String unitId, String at, String reply) {
        return event(new Concluded(caseId, unitId, reply, at(at)));
    }

    public CaseEvent visited(Satisfaction satisfaction, boolean excellent, String at) {
        return event(new Visited(caseId, null, satisfaction, excellent, at(at)));
    }

    public CaseEvent reopened(String unitId, String at) {
        return event(new Reopened(caseId, unitId, "回访不满意，发回重办", null, at(at)));
    }

    /** 派单 to {@code unitId} by the city centre, as lead or co-handling unit. */
    public CaseEvent assigned(String unitId, HandlingRole role, String at) {
        return event(new Assigned(caseId, unitId, "name of " + unitId, role, "city-12345", null, at(at)));
    }

    /** 二级分转: {@code from}, a unit that holds the case, passes it on to {@code to} as its lead unit. */
    public CaseEvent passedOn(String from, String to, String at) {
        return event(new Assigned(caseId, to, "name of " + to, HandlingRole.LEAD, from, null, at(at)));
    }

    /** 督办 of {@code unitId} on the case by the city's supervision office. */
    public CaseEvent supervised(String unitId, String at) {
        return event(new Supervised(caseId, unitId, "市政府督查室", "群众多次来电", null, at(at)));
    }

    public CaseEvent signed(String unitId, String at) {
        return event(new Signed(caseId, unitId, at(at)));
    }

    /** 延期审批 of {@code unitId}'s request: approved with the new deadline {@code dueAt}, or refused (null). */
    public CaseEvent extensionDecided(String unitId, String dueAt, String at) {
        return event(new ExtensionDecided(
                caseId,
                unitId,
                "yq-" + caseId,
                dueAt == null ? ExtensionOutcome.REFUSED : ExtensionOutcome.APPROVED,
                dueAt == null ? null : at(dueAt),
                "市12345中心",
                null,
                at(at)));
    }

    /** 并单 of this case, a duplicate appeal, into {@code intoCaseId} by the platform (no unit). */
    public CaseEvent merged(String intoCaseId, String at) {
        return event(new Merged(caseId, intoCaseId, null, "重复诉求", at(at)));
    }

    private CaseEvent event(io.minxin.events.EventData data) {
        return CaseEvent.of(caseId + "-e" + ids.incrementAndGet(), SOURCE, data);
    }
}
