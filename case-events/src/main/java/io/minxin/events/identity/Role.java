package io.minxin.events.identity;

import java.util.Locale;
import java.util.Optional;

/** What an API key may do. Declared from least to most privileged: the first fitting role authorizes a request. */
public enum Role {
    /** A hotline platform pushing case events. */
    INTEGRATION,
    /** A dashboard reading metrics, rankings and notices. */
    DASHBOARD,
    /** A person who closes periods, edits policies, issues bulletins and manages keys and subscriptions. */
    OPERATOR;

    /** The name used in JSON and headers, e.g. {@code operator}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
