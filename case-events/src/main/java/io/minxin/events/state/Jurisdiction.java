package io.minxin.events.state;

/**
 * A jurisdiction (a district of a city platform) as metrics-service's {@code GET /api/v1/jurisdictions} lists it and
 * the console reads it.
 *
 * @param id the id its units are registered under, e.g. 211103
 * @param name its name, e.g. 兴隆台区 (the id when no registration names it)
 * @param units how many units belong to it, as far as the caller's scope covers them
 */
public record Jurisdiction(String id, String name, long units) {}
