package io.minxin.ranking.revision;

import java.util.function.Predicate;

/**
 * A jurisdiction asked for in a ranking view ({@code ?jurisdiction=}): its id, and the units that belong to it at the
 * last instant of the period viewed, as the unit registry says ({@link PeriodJurisdictions}).
 */
record Jurisdiction(String id, Predicate<String> members) {}
