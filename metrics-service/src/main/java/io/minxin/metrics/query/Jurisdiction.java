package io.minxin.metrics.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A jurisdiction (a district of a city platform) as {@code GET /api/v1/jurisdictions} lists it.
 *
 * @param id the id its units are registered under, e.g. 211103
 * @param name its name, e.g. 兴隆台区 (the id when no registration names it)
 * @param units how many units belong to it, as far as the caller's scope covers them
 */
public record Jurisdiction(String id, String name, long units) {

    /**
     * The jurisdictions that have units, sorted by id.
     *
     * @param names every jurisdiction's name by id
     * @param units how many units belong to each, by id; a jurisdiction without any is left out
     */
    public static List<Jurisdiction> of(Map<String, String> names, Map<String, Long> units) {
        List<Jurisdiction> list = new ArrayList<>();
        units.forEach((id, count) -> {
            if (count > 0) {
                list.add(new Jurisdiction(id, names.getOrDefault(id, id), count));
            }
        });
        list.sort((a, b) -> a.id().compareTo(b.id()));
        return List.copyOf(list);
    }
}
