package io.minxin.console.api;

import io.minxin.events.Channel;
import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import java.util.Optional;

/** One channel's ranking of a month, or null when the month has none yet. */
public record ChannelRanking(Channel channel, RankingRevision ranking) {

    /** 话务端 or 网络端. */
    public String label() {
        return channel == Channel.PHONE ? "话务端" : "网络端";
    }

    public String status() {
        if (ranking == null) {
            return "";
        }
        return switch (ranking.status()) {
            case LIVE -> "实时排名（本月尚未关账，数字还会变化）";
            case PENDING -> "第 " + ranking.revision() + " 版（待发布）";
            case PUBLISHED -> "第 " + ranking.revision() + " 版（已发布）";
            case WHAT_IF -> "试算";
        };
    }

    /**
     * Which ranking this is, for asking for it again: its revision and when it was computed (a live ranking keeps
     * that time until ranking-service ranks the month again). Empty when there is none.
     */
    public String version() {
        if (ranking == null) {
            return "";
        }
        return ranking.revision() + "-"
                + (ranking.createdAt() == null ? 0 : ranking.createdAt().toEpochMilli());
    }

    /** The unit's row in the order, if it is ranked. */
    public Optional<RankingRow> rowOf(String unitId) {
        return ranking == null
                ? Optional.empty()
                : ranking.rows().stream()
                        .filter(row -> unitId.equals(row.unitId()))
                        .findFirst();
    }

    /** The unit's entry among those left out of the order, if it is one. */
    public Optional<NotEligibleUnit> notEligibleOf(String unitId) {
        return ranking == null
                ? Optional.empty()
                : ranking.notEligible().stream()
                        .filter(unit -> unitId.equals(unit.unitId()))
                        .findFirst();
    }
}
