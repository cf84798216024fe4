/**
 * The published ranking of the handling units: what ranking-service puts on the {@code rankings} topic (key
 * {@code period|channel}, JSON of {@link io.minxin.events.ranking.RankingRevision} written with
 * {@link io.minxin.events.EventJson#mapper()}), and what notice-service reads for tables 1 and 2 of the bulletin.
 */
package io.minxin.events.ranking;
