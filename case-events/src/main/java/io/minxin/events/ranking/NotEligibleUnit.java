package io.minxin.events.ranking;

/**
 * A unit left out of the order, e.g. {@code received 2 is below minReceived 5}.
 *
 * @param reason for a person
 */
public record NotEligibleUnit(String unitId, String unitName, RankingInputs inputs, String reason) {}
