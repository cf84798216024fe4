package io.minxin.console.cases;

import io.minxin.console.web.Formats;
import io.minxin.events.EventType;
import io.minxin.events.HandlingRole;
import io.minxin.events.decision.Decision;
import io.minxin.events.decision.Exclusion;
import io.minxin.events.decision.PushbackRuling;
import io.minxin.events.state.CaseState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A case's timeline as a person reads it: every distinct event metrics-service folded (受理, 派单, 签收, 退件, 延期审批, 办结,
 * 回访, 重办, 并单), each
 * with what the case's state says of it (the unit it went to and its deadline, the reason for a return, the reply,
 * the citizen's answer), and the decisions about the case (较差件复核, 剔除), in the order they happened. Plain
 * Java; public for the template.
 */
public final class Timeline {
    private static final Formats FORMATS = new Formats();

    /** One line of the timeline: when, what, which unit, and the details. */
    public record Entry(Instant at, String what, String unit, String detail, boolean decision) {}

    private Timeline() {}

    static List<Entry> of(CaseState state) {
        Map<String, String> names = new HashMap<>();
        state.acceptances().forEach(acceptance -> names.putIfAbsent(acceptance.unitId(), acceptance.unitName()));
        state.signIns().forEach(signIn -> {
            if (signIn.unitName() != null) {
                names.putIfAbsent(signIn.unitId(), signIn.unitName());
            }
        });
        List<Entry> entries = new ArrayList<>();
        for (CaseState.HistoryEntry event : state.history()) {
            entries.add(new Entry(
                    event.occurredAt(), what(event.type()), unit(names, event.unitId()), detail(state, event), false));
        }
        for (Decision decision : state.decisions()) {
            entries.add(new Entry(
                    decision.decidedAt(),
                    decisionName(decision),
                    "营商局 " + FORMATS.text(decision.decidedBy()),
                    decisionDetail(decision, names),
                    true));
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(entries);
    }

    private static String what(EventType type) {
        return switch (type) {
            case CASE_ACCEPTED -> "受理";
            case CASE_RETURNED -> "退件";
            case CASE_CONCLUDED -> "办结";
            case CASE_VISITED -> "回访";
            case CASE_ASSIGNED -> "派单";
            case CASE_SIGNED -> "签收";
            case CASE_EXTENSION_DECIDED -> "延期审批";
            case CASE_REOPENED -> "重办";
            case CASE_MERGED -> "并单";
            case CASE_SUPERVISED -> "督办";
            default -> type.ceType();
        };
    }

    private static String detail(CaseState state, CaseState.HistoryEntry event) {
        return switch (event.type()) {
            case CASE_ACCEPTED ->
                state.acceptances().stream()
                        .filter(acceptance -> same(event, acceptance.occurredAt(), acceptance.unitId()))
                        .findFirst()
                        .map(acceptance -> "交 " + FORMATS.text(acceptance.unitName()) + " 办理，办理期限 "
                                + FORMATS.dateTime(acceptance.dueAt()))
                        .orElse("");
            case CASE_RETURNED ->
                state.returns().stream()
                        .filter(returned -> same(event, returned.occurredAt(), returned.unitId()))
                        .findFirst()
                        .map(returned -> "退回理由：" + FORMATS.text(returned.reason()))
                        .orElse("");
            case CASE_CONCLUDED ->
                state.conclusion() != null
                                && same(
                                        event,
                                        state.conclusion().occurredAt(),
                                        state.conclusion().unitId())
                        ? (state.conclusion().onTime() ? "按时办结" : "超期办结") + "；答复："
                                + FORMATS.text(state.conclusion().reply())
                        : "（其后又有办结，以最后一次为准）";
            case CASE_VISITED ->
                state.visit() != null
                                && Objects.equals(
                                        event.occurredAt(), state.visit().occurredAt())
                        ? satisfaction(state.visit()) + (state.visit().excellent() ? "，评为优秀" : "")
                        : "（其后又有回访，以最后一次为准）";
            case CASE_ASSIGNED ->
                state.signIns().stream()
                        .filter(signIn -> same(event, signIn.dispatchedAt(), signIn.unitId()))
                        .findFirst()
                        .map(signIn -> (signIn.role() == HandlingRole.LEAD ? "主办" : "协办") + "，签收期限 "
                                + FORMATS.dateTime(signIn.dueAt()))
                        .orElse("（其后又向该单位派单，以最后一次为准）");
            case CASE_SIGNED ->
                state.signIns().stream()
                        .filter(signIn -> same(event, signIn.signedAt(), signIn.unitId()))
                        .findFirst()
                        .map(signIn -> signIn.onTime() ? "按时签收" : "超期签收")
                        .orElse(
                                state.signIns().stream()
                                                .anyMatch(signIn -> Objects.equals(signIn.unitId(), event.unitId()))
                                        ? "（不是对该单位最后一次派单的首次签收，不计入及时签收率）"
                                        : "（此前无派单，不计入及时签收率）");
            case CASE_MERGED ->
                state.merged() && event.equals(lastMerge(state))
                        ? "并入 " + state.mergedInto() + "，本件不再单独计数"
                        : "（其后又有受理或并单，本次并单不计）";
            default -> "";
        };
    }

    /** The last 并单 in folding order: the one that stands when the case is merged. */
    private static CaseState.HistoryEntry lastMerge(CaseState state) {
        CaseState.HistoryEntry last = null;
        for (CaseState.HistoryEntry entry : state.history()) {
            if (entry.type() == EventType.CASE_MERGED) {
                last = entry;
            }
        }
        return last;
    }

    private static boolean same(CaseState.HistoryEntry event, Instant at, String unitId) {
        return Objects.equals(event.occurredAt(), at) && Objects.equals(event.unitId(), unitId);
    }

    private static String satisfaction(CaseState.Visit visit) {
        return switch (visit.satisfaction()) {
            case SATISFIED -> "群众满意";
            case BASICALLY_SATISFIED -> "群众基本满意";
            case UNSATISFIED -> "群众不满意";
            case UNREACHABLE -> "未能联系到群众（不计入满意率）";
        };
    }

    private static String decisionName(Decision decision) {
        if (decision.body() instanceof PushbackRuling) {
            return "较差件复核";
        }
        if (decision.body() instanceof Exclusion exclusion) {
            return exclusion.excluded() ? "剔除" : "撤销剔除";
        }
        return "决定";
    }

    private static String decisionDetail(Decision decision, Map<String, String> names) {
        String reason = decision.reason() == null || decision.reason().isBlank() ? "" : "；理由：" + decision.reason();
        if (decision.body() instanceof PushbackRuling ruling) {
            String verdict = FORMATS.verdict(ruling.verdict().name());
            String unit = ruling.verdict() == PushbackRuling.Verdict.REASSIGNED
                    ? "，改由 "
                            + FORMATS.text(Objects.requireNonNullElse(
                                    ruling.responsibleUnitName(), unit(names, ruling.responsibleUnitId())))
                            + " 承担"
                    : "";
            String text = ruling.ruling().isBlank() ? "" : "；认定：" + ruling.ruling();
            return verdict + unit + text + reason;
        }
        if (decision.body() instanceof Exclusion exclusion) {
            return "指标："
                    + exclusion.indicators().stream().map(FORMATS::indicator).collect(Collectors.joining("、")) + reason;
        }
        return reason.isEmpty() ? "" : reason.substring(1);
    }

    private static String unit(Map<String, String> names, String unitId) {
        if (unitId == null) {
            return Formats.NONE;
        }
        return names.getOrDefault(unitId, unitId);
    }
}
