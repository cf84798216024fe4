package io.minxin.servicekit.identity;

import io.minxin.events.identity.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which of a service's routes, declared by each service as a bean and enforced by the
 * security chain behind the gateway's own check (the same decisions as the gateway's {@code RoutePermissions}:
 * defence in depth, so a token minted for one route family is no use on another).
 *
 * <p>A path pattern ({@code /api/v1/policies/**}) named in any rule is closed to every method and role no rule of
 * it allows: 403 for a valid token, 401 without one. Paths no rule names need only a valid token. A path declared
 * {@linkplain Builder#open open} needs no token at all (the console's sign-in page and assets).
 */
public final class RouteRoles {
    static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    static final Set<HttpMethod> WRITE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    /** Roles allowed to call {@code methods} on {@code path}; no roles: open to every caller, with or without a token. */
    record Rule(Set<HttpMethod> methods, String path, Set<Role> roles) {
        boolean open() {
            return roles.isEmpty();
        }
    }

    private final List<Rule> rules;

    private RouteRoles(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No route rules: every route but the open ones needs a valid token of any role. */
    public static RouteRoles anyRole() {
        return new RouteRoles(List.of());
    }

    List<Rule> rules() {
        return rules;
    }

    /** Every path pattern a rule names, in the order first named. */
    List<String> guardedPaths() {
        Set<String> paths = new LinkedHashSet<>();
        rules.forEach(rule -> paths.add(rule.path()));
        return List.copyOf(paths);
    }

    /** Rules in the order declared; the first that matches a request decides. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        /** GET and HEAD of {@code path} for {@code roles}. */
        public Builder read(String path, Role... roles) {
            return allow(READ, path, roles);
        }

        /** POST, PUT, PATCH and DELETE of {@code path} for {@code roles}. */
        public Builder write(String path, Role... roles) {
            return allow(WRITE, path, roles);
        }

        /** One method of {@code path} for {@code roles}. */
        public Builder allow(HttpMethod method, String path, Role... roles) {
            return allow(Set.of(method), path, roles);
        }

        /**
         * GET and HEAD of {@code path} without a token: for pages a person sees before signing in and their static
         * assets, nothing that shows data.
         */
        public Builder open(String path) {
            rules.add(new Rule(READ, path, Set.of()));
            return this;
        }

        private Builder allow(Set<HttpMethod> methods, String path, Role... roles) {
            if (roles.length == 0) {
                throw new IllegalArgumentException("a rule for " + path + " needs at least one role");
            }
            rules.add(new Rule(methods, path, EnumSet.copyOf(Arrays.asList(roles))));
            return this;
        }

        public RouteRoles build() {
            return new RouteRoles(rules);
        }
    }
}
