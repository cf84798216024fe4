package io.minxin.notice.issue;

import io.minxin.events.identity.Scope;
import io.minxin.notice.issue.BulletinIssuing.BulletinView;
import io.minxin.servicekit.scope.UnitAccess;

/**
 * Who may read a bulletin: an issued 通报 is distributed to every unit, so every caller allowed to read bulletins
 * reads it, whatever its scope; a draft is the city's working copy (today's numbers, of every unit), so only a
 * city-wide caller ({@link Scope#ALL}) reads it, anyone else gets 403.
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

    private BulletinScope() {}
}
