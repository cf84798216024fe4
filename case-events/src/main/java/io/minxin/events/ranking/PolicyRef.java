package io.minxin.events.ranking;

/**
 * The ranking policy version that made a ranking.
 *
 * @param id stable per channel, e.g. {@code phone-ranking}
 * @param version 1, 2, ... (a new version per change; old versions are kept)
 */
public record PolicyRef(String id, int version) {}
