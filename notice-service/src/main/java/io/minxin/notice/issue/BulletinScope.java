package io.minxin.notice.issue;

import io.minxin.events.identity.Scope;
import io.minxin.notice.issue.BulletinIssuing.BulletinView;
import io.minxin.servicekit.scope.Jurisdictions;
import io.minxin.servicekit.scope.UnitAccess;

/**
 * Who may read a bulletin: an issued 通报 is distributed to every unit, so every caller allowed to read bulletins
 * reads it, whatever its scope; a draft is the city's working copy (today's numbers, of every unit), so only a
 * city-wide caller ({@link Scope#ALL}) reads it, anyone else gets 403. A jurisdiction's bulletin is that
 * jurisdiction's: a city-wide caller and the jurisdiction's own ({@code jurisdiction:<id>}) read its draft and
 * issue it; an issued one is distributed to the units the directory places in the jurisdiction now; any other
 * caller gets 403, a caller of another jurisdiction before anything is looked up.
 */
final class BulletinScope {

    /** @throws io.minxin.servicekit.problem.ProblemException 403 for a draft and a scoped caller */
    static BulletinView readable(Scope scope, BulletinView view) {
        if (view.status() == BulletinIssuing.Status.DRAFT && !scope.isAll()) {
            throw UnitAccess.forbidden(
                    scope, "the draft bulletin of " + view.period() + "; it is readable once issued");
        }
        return view;
    }

    /**
     * {@link #readable(Scope, BulletinView)} for the platform's bulletin; a jurisdiction's as the class says.
     *
     * @throws io.minxin.servicekit.problem.ProblemException 403
     */
    static BulletinView readable(Scope scope, BulletinView view, Jurisdictions jurisdictions) {
        if (view.jurisdiction() == null) {
            return readable(scope, view);
        }
        if (view.status() == BulletinIssuing.Status.DRAFT && !covers(scope, view.jurisdiction())) {
            throw UnitAccess.forbidden(scope, "the draft bulletin of " + view.period() + " of " + view.jurisdiction());
        }
        readableIssued(scope, view.jurisdiction(), jurisdictions);
        return view;
    }

    /**
     * Refuses the issued bulletins of {@code jurisdiction} to a caller they are not distributed to (none: the
     * platform's, distributed to every unit).
     *
     * @throws io.minxin.servicekit.problem.ProblemException 403
     */
    static void readableIssued(Scope scope, String jurisdiction, Jurisdictions jurisdictions) {
        if (jurisdiction == null || covers(scope, jurisdiction)) {
            return;
        }
        if (scope.kind() == Scope.Kind.UNIT && jurisdiction.equals(jurisdictions.of(scope.id()))) {
            return;
        }
        throw UnitAccess.forbidden(scope, "the bulletins of jurisdiction " + jurisdiction);
    }

    /**
     * Refuses, before anything is looked up, a jurisdiction scope asking for another jurisdiction's bulletin.
     *
     * @throws io.minxin.servicekit.problem.ProblemException 403
     */
    static void reachable(Scope scope, String jurisdiction) {
        if (jurisdiction != null
                && scope.kind() == Scope.Kind.JURISDICTION
                && !scope.id().equals(jurisdiction)) {
            throw UnitAccess.forbidden(scope, "the bulletins of jurisdiction " + jurisdiction);
        }
    }

    /**
     * Refuses an edit, issue or 更正 to a caller whose scope does not cover the bulletin: the platform's is the city's,
     * a jurisdiction's its own and the city's.
     *
     * @throws io.minxin.servicekit.problem.ProblemException 403
     */
    static void writable(Scope scope, String jurisdiction) {
        if (!covers(scope, jurisdiction)) {
            throw UnitAccess.forbidden(
                    scope,
                    jurisdiction == null ? "the platform's bulletin" : "the bulletin of jurisdiction " + jurisdiction);
        }
    }

    /** Whether the scope is the city's or the jurisdiction's own (a platform bulletin: the city's only). */
    private static boolean covers(Scope scope, String jurisdiction) {
        return scope.isAll()
                || (jurisdiction != null
                        && scope.kind() == Scope.Kind.JURISDICTION
                        && scope.id().equals(jurisdiction));
    }

    private BulletinScope() {}
}
