package io.minxin.console.web;

import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Role;
import io.minxin.events.identity.Scope;

/**
 * The person a page is rendered for, as the gateway's token names them: the username (the token's subject), whether
 * they may change anything (operators), and how far they see (a unit liaison: one unit).
 */
public record Viewer(String username, Role role, Scope scope) {
    /** No verified token: the sign-in page. */
    public static final Viewer NOBODY = new Viewer(null, null, null);

    public static Viewer of(Caller caller) {
        return new Viewer(caller.keyId(), caller.role(), caller.scope());
    }

    public boolean signedIn() {
        return username != null;
    }

    /** Operators see and use the write controls; leaders see none, unit liaisons only filing and acknowledging. */
    public boolean operator() {
        return role == Role.OPERATOR;
    }

    /** The unit a unit liaison is limited to, or null. */
    public String unitId() {
        return scope != null && scope.kind() == Scope.Kind.UNIT ? scope.id() : null;
    }

    /** How the page names the person's role. */
    public String roleLabel() {
        if (role == Role.OPERATOR) {
            return "营商局操作员";
        }
        return unitId() != null ? "承办单位联络员" : "领导（只读）";
    }

    /** How the page names what this person sees: 全区 or their unit's scope. */
    public String reach() {
        if (scope == null || scope.isAll()) {
            return "全部单位";
        }
        return scope.kind() == Scope.Kind.UNIT ? "本单位（" + scope.id() + "）" : "辖区 " + scope.id();
    }
}
