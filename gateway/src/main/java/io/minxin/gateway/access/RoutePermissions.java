package io.minxin.gateway.access;

import static io.minxin.events.identity.Role.DASHBOARD;
import static io.minxin.events.identity.Role.INTEGRATION;
import static io.minxin.events.identity.Role.OPERATOR;

import io.minxin.events.identity.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one table of who may call what: route families by path, and per family and HTTP method the roles allowed.
 *
 * <p>Paths are matched on the raw request path. A pattern ending in {@code /**} matches the path itself and
 * everything below it; any other pattern matches exactly. Paths that could be read differently by this table and
 * by the routing (dot segments, encoded slashes or dots, matrix parameters) are refused as malformed, so a
 * decision here always concerns the route that will serve the request.
 */
public final class RoutePermissions {
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> POST = Set.of("POST");

    private static final List<String> PUBLIC_READS = List.of(
            "/actuator/health/**",
            "/actuator/prometheus",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/webjars/**",
            "/v3/api-docs/**",
            // the console's sign-in page and its static files: a person who has not signed in needs them
            "/console/sign-in",
            // OIDC sign-in with a city's identity provider: the way there and back (accounts.OidcSignIn)
            "/console/oauth2/**",
            "/console/assets/**",
            "/console/webjars/**");

    private static final Map<String, List<String>> FAMILIES = families();

    /** Families the gateway answers itself, and the console's pages, which are no API of a service. */
    private static final Set<String> GATEWAY_OWN = Set.of("keys", "accounts", "console");

    private static final List<Rule> RULES = List.of(
            new Rule("events", POST, EnumSet.of(INTEGRATION)),
            new Rule("metrics", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("rankings", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("policies", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("policies", WRITE, EnumSet.of(OPERATOR)),
            new Rule("periods", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("periods", WRITE, EnumSet.of(OPERATOR)),
            new Rule("notices", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            // the draft (PATCH …/draft), issue and 更正 (POST …/corrections) are the operator's
            new Rule("bulletins", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("bulletins", WRITE, EnumSet.of(OPERATOR)),
            // Month-end decisions (issue 16): operators decide; a unit's liaison (a dashboard key of scope unit:<id>)
            // files a dispute about its own case and acknowledges its own 提示函. The gateway lets any dashboard key
            // through to those two writes only; notice-service refuses a key whose scope is not that unit.
            new Rule("reviews", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("reviews", POST, EnumSet.of(OPERATOR), "/api/v1/reviews/*/ruling"),
            new Rule("disputes", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("disputes", POST, EnumSet.of(DASHBOARD), "/api/v1/disputes"),
            new Rule("disputes", POST, EnumSet.of(OPERATOR), "/api/v1/disputes/*/decision"),
            new Rule("exclusions", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("exclusions", POST, EnumSet.of(OPERATOR), "/api/v1/exclusions"),
            new Rule("letters", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("letters", POST, EnumSet.of(DASHBOARD), "/api/v1/letters/*/*/acknowledgement"),
            // Subscriptions hold webhook addresses and robot tokens: operators only, reads included.
            new Rule("subscriptions", READ, EnumSet.of(OPERATOR)),
            new Rule("subscriptions", WRITE, EnumSet.of(OPERATOR)),
            // The audit trail: who did what to which key, policy or webhook; operators only, and read-only.
            new Rule("audit", READ, EnumSet.of(OPERATOR)),
            new Rule("keys", READ, EnumSet.of(OPERATOR)),
            new Rule("keys", WRITE, EnumSet.of(OPERATOR)),
            // People's accounts (the console's sign-in): operators open and list them
            new Rule("accounts", READ, EnumSet.of(OPERATOR)),
            new Rule("accounts", POST, EnumSet.of(OPERATOR)),
            // The console's pages, for a signed-in person (never an API key: only a session reaches them, see
            // accounts.ConsoleSessions); the console refuses the writes a person's role may not make, and each API
            // call it makes for them is checked here again under their own role and scope
            new Rule("console", READ, EnumSet.of(DASHBOARD, OPERATOR)),
            new Rule("console", WRITE, EnumSet.of(DASHBOARD, OPERATOR)));

    private static final String[] MALFORMED_MARKS = {"//", "\\", ";", "%2e", "%2f", "%5c", "%00"};

    /**
     * Roles allowed to call {@code methods} on a family: on all of its paths when {@code path} is null, else on the
     * paths {@code path} matches, where a {@code *} segment stands for any one segment (e.g. a dispute id). A
     * family whose writes differ by path (disputes: a unit files, an operator decides) names each write path, so
     * any other write of it is refused.
     */
    private record Rule(String family, Set<String> methods, Set<Role> roles, String path) {
        Rule(String family, Set<String> methods, Set<Role> roles) {
            this(family, methods, roles, null);
        }

        boolean allows(String requestFamily, String method, String rawPath) {
            return family.equals(requestFamily)
                    && methods.contains(method)
                    && (path == null || segmentsMatch(path, rawPath));
        }
    }

    private static Map<String, List<String>> families() {
        Map<String, List<String>> families = new LinkedHashMap<>();
        families.put("events", List.of("/api/v1/events/**"));
        families.put(
                "metrics",
                List.of("/api/v1/overview/**", "/api/v1/units/**", "/api/v1/cases/**", "/api/v1/jurisdictions/**"));
        families.put("rankings", List.of("/api/v1/rankings/**"));
        families.put("policies", List.of("/api/v1/policies/**"));
        families.put("periods", List.of("/api/v1/periods/**"));
        families.put("notices", List.of("/api/v1/notices/**"));
        families.put("bulletins", List.of("/api/v1/bulletins/**"));
        families.put("reviews", List.of("/api/v1/reviews/**"));
        families.put("disputes", List.of("/api/v1/disputes/**"));
        families.put("exclusions", List.of("/api/v1/exclusions/**"));
        families.put("letters", List.of("/api/v1/letters/**"));
        families.put("subscriptions", List.of("/api/v1/subscriptions/**"));
        families.put("audit", List.of("/api/v1/audit/**"));
        families.put("keys", List.of("/api/v1/keys/**"));
        families.put("accounts", List.of("/api/v1/accounts/**"));
        families.put("console", List.of("/console/**"));
        return families;
    }

    /** The route families in table order, e.g. {@code events}, {@code metrics}. */
    public static List<String> families(boolean includeGatewayOwn) {
        return FAMILIES.keySet().stream()
                .filter(family -> includeGatewayOwn || !GATEWAY_OWN.contains(family))
                .toList();
    }

    /** Decides what a request needs. {@code method} is the HTTP method name, {@code rawPath} the undecoded path. */
    public static Access decide(String method, String rawPath) {
        if (isMalformed(rawPath)) {
            return Access.malformed();
        }
        String verb = method.toUpperCase(Locale.ROOT);
        if (READ.contains(verb) && PUBLIC_READS.stream().anyMatch(pattern -> matches(pattern, rawPath))) {
            return Access.publicPath();
        }
        for (Map.Entry<String, List<String>> family : FAMILIES.entrySet()) {
            if (family.getValue().stream().anyMatch(pattern -> matches(pattern, rawPath))) {
                return new Access(Access.Kind.PROTECTED, family.getKey(), rolesFor(family.getKey(), verb, rawPath));
            }
        }
        return Access.noRoute();
    }

    private static Set<Role> rolesFor(String family, String method, String rawPath) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Rule rule : RULES) {
            if (rule.allows(family, method, rawPath)) {
                roles.addAll(rule.roles());
            }
        }
        return roles;
    }

    private static boolean matches(String pattern, String path) {
        if (pattern.endsWith("/**")) {
            String base = pattern.substring(0, pattern.length() - 3);
            return path.equals(base) || path.startsWith(base + "/");
        }
        return path.equals(pattern);
    }

    /** Whether {@code path} has the segments of {@code pattern}, a {@code *} segment matching any non-empty one. */
    private static boolean segmentsMatch(String pattern, String path) {
        String[] expected = pattern.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean any = expected[i].equals("*") && !actual[i].isEmpty();
            if (!any && !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isMalformed(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return true;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String mark : MALFORMED_MARKS) {
            if (lower.contains(mark)) {
                return true;
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private RoutePermissions() {}
}
