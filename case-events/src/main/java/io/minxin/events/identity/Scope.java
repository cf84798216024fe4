package io.minxin.events.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How far a caller's reading reaches: everything, one jurisdiction (a district of a city platform), or one handling
 * unit. On the wire (API keys, the identity token's {@link CallerToken#SCOPE} claim) a scope is {@code all},
 * {@code jurisdiction:<id>} or {@code unit:<id>}.
 *
 * <p>A service that holds data of several units decides with {@link #coversUnit}: a unit scope covers that unit;
 * a jurisdiction scope covers the units the service knows to be in that jurisdiction.
 *
 * @param kind what the scope is limited to
 * @param id the unit or jurisdiction id, null for {@link Kind#ALL}
 */
public record Scope(Kind kind, String id) {
    /** What a scope is limited to. */
    public enum Kind {
        ALL,
        JURISDICTION,
        UNIT
    }

    public static final Scope ALL = new Scope(Kind.ALL, null);

    private static final Pattern ID = Pattern.compile("[^\\s:]{1,128}");

    public Scope {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.ALL && id != null) {
            throw new IllegalArgumentException("scope all has no id");
        }
        if (kind != Kind.ALL && (id == null || !ID.matcher(id).matches())) {
            throw new IllegalArgumentException("a " + kind.name().toLowerCase() + " scope needs an id of 1-128 "
                    + "characters without spaces or ':'");
        }
    }

    public static Scope unit(String unitId) {
        return new Scope(Kind.UNIT, unitId);
    }

    public static Scope jurisdiction(String jurisdictionId) {
        return new Scope(Kind.JURISDICTION, jurisdictionId);
    }

    /**
     * Reads the wire form; null or blank is {@link #ALL}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Scope parse(String wire) {
        if (wire == null || wire.isBlank() || wire.equals("all")) {
            return ALL;
        }
        int colon = wire.indexOf(':');
        String kind = colon < 0 ? wire : wire.substring(0, colon);
        String id = colon < 0 ? null : wire.substring(colon + 1);
        return switch (kind) {
            case "unit" -> unit(id);
            case "jurisdiction" -> jurisdiction(id);
            default ->
                throw new IllegalArgumentException(
                        "scope must be all, unit:<id> or jurisdiction:<id>, not '" + wire + "'");
        };
    }

    /** The wire form, e.g. {@code unit:U0042}. */
    public String wire() {
        return kind == Kind.ALL ? "all" : kind.name().toLowerCase() + ":" + id;
    }

    public boolean isAll() {
        return kind == Kind.ALL;
    }

    /**
     * Whether this scope covers a unit.
     *
     * @param unitId the unit
     * @param jurisdictionOfUnit the unit's jurisdiction as the caller's service knows it, or null when unknown
     *     (then only {@link #ALL} and the unit's own scope cover it)
     */
    public boolean coversUnit(String unitId, String jurisdictionOfUnit) {
        return switch (kind) {
            case ALL -> true;
            case UNIT -> id.equals(unitId);
            case JURISDICTION -> id.equals(jurisdictionOfUnit);
        };
    }

    @Override
    public String toString() {
        return wire();
    }
}
