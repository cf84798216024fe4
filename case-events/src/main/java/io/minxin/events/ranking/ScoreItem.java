package io.minxin.events.ranking;

/**
 * One 加分 or 减分 item of a row: {@code count} occurrences of {@code fact}, {@code pointsEach} each.
 *
 * @param fact what was counted, e.g. {@code EXCELLENT}, {@code LATE_CONCLUSION}, {@code PUSHBACK}
 * @param points count × pointsEach, always positive (a penalty is subtracted from the total)
 */
public record ScoreItem(String fact, long count, double pointsEach, double points) {}
