package io.minxin.events.ranking;

/**
 * One unit whose place or inputs changed between two revisions.
 *
 * @param previousRank null when the unit was not ranked before (absent or not eligible)
 * @param rank null when the unit is not ranked now
 * @param previousInputs null when the unit was absent before
 * @param inputs null when the unit is absent now
 */
public record RowChange(
        String unitId,
        String unitName,
        Integer previousRank,
        Integer rank,
        RankingInputs previousInputs,
        RankingInputs inputs) {}
