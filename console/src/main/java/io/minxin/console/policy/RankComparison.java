package io.minxin.console.policy;

import io.minxin.events.ranking.NotEligibleUnit;
import io.minxin.events.ranking.RankingRevision;
import io.minxin.events.ranking.RankingRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's ranking under the current policy next to the ranking under the edited one (预览), each unit's move
 * marked: up, down, unchanged, newly ranked, or no longer ranked.
 *
 * @param current the ranking as it stands, or null when the month has none yet
 * @param trial the ranking under the edited policy
 * @param rows the trial's rows with their move
 * @param droppedOut units the current ranking ranks that the trial does not (now not eligible)
 */
record RankComparison(
        RankingRevision current, RankingRevision trial, List<Moved> rows, List<NotEligibleUnit> droppedOut) {

    /**
     * A row of the trial and the unit's place before.
     *
     * @param before its rank under the current policy, or null when it was not ranked
     */
    record Moved(RankingRow row, Integer before) {
        /** Places gained (positive), lost (negative), 0 when unchanged. */
        public int gained() {
            return before == null ? 0 : before - row.rank();
        }

        /** How the page marks it: ↑2, ↓1, 不变, 新进入. */
        public String mark() {
            if (before == null) {
                return "新进入";
            }
            int gained = gained();
            return gained > 0 ? "↑" + gained : gained < 0 ? "↓" + (-gained) : "不变";
        }

        /** The row's CSS class: moved-up, moved-down, or none. */
        public String css() {
            if (before == null || gained() > 0) {
                return "moved-up";
            }
            return gained() < 0 ? "moved-down" : "";
        }
    }

    static RankComparison of(RankingRevision current, RankingRevision trial) {
        Map<String, Integer> before = new HashMap<>();
        if (current != null) {
            current.rows().forEach(row -> before.put(row.unitId(), row.rank()));
        }
        List<Moved> rows = trial.rows().stream()
                .map(row -> new Moved(row, before.get(row.unitId())))
                .toList();
        List<NotEligibleUnit> droppedOut = trial.notEligible().stream()
                .filter(unit -> before.containsKey(unit.unitId()))
                .toList();
        return new RankComparison(current, trial, rows, droppedOut);
    }

    /** How many units change place. */
    public long moves() {
        return rows.stream()
                        .filter(row -> row.before() == null || row.gained() != 0)
                        .count()
                + droppedOut.size();
    }
}
