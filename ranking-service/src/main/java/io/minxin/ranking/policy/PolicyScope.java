package io.minxin.ranking.policy;

import io.minxin.events.identity.Scope;
import io.minxin.servicekit.scope.UnitAccess;

/**
 * Whose policies a caller may change: an unscoped operator ({@link Scope#ALL}) any, the platform's included; an
 * operator of scope {@code jurisdiction:<id>} only that jurisdiction's; anyone else none. Reading is everyone's
 * (policies read the same for every caller). Refusals are the service's 403 of a scope ({@link UnitAccess#forbidden}).
 */
final class PolicyScope {

    /**
     * @param jurisdiction the policy's jurisdiction; null for the platform's
     * @throws io.minxin.servicekit.problem.ProblemException 403 when the scope does not reach that policy
     */
    static void requireChangeable(Scope scope, String jurisdiction) {
        if (scope.isAll()) {
            return;
        }
        if (jurisdiction == null) {
            throw UnitAccess.forbidden(scope, "the platform's policies; they are changed by an unscoped operator");
        }
        if (scope.kind() != Scope.Kind.JURISDICTION || !scope.id().equals(jurisdiction)) {
            throw UnitAccess.forbidden(scope, "the policies of jurisdiction " + jurisdiction);
        }
    }

    private PolicyScope() {}
}
