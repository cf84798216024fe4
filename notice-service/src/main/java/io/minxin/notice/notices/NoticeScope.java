package io.minxin.notice.notices;

import io.minxin.events.identity.Scope;
import io.minxin.events.notice.Notice;
import io.minxin.servicekit.scope.UnitAccess;

/**
 * What a caller's scope lets it read of the notices, decided by the service's {@link UnitAccess}: the notices of
 * the covered units (alerts, 较差件, target notices, 提示函). Asking for another unit's notices ({@code unitId}) is
 * refused with 403. Notices of no unit (a bulletin issued) are the city's: a scoped caller reads the issued bulletin
 * itself instead.
 */
final class NoticeScope {
    private final UnitAccess access;

    NoticeScope(UnitAccess access) {
        this.access = access;
    }

    /**
     * The unit the store is asked for: the one requested, checked against the scope; a unit scope's own unit when
     * none is requested (so its limit counts its own notices only).
     *
     * @throws io.minxin.servicekit.problem.ProblemException 403 for a unit the scope does not cover
     */
    String unitToFind(Scope scope, String requested) {
        if (requested != null) {
            access.require(scope, requested);
            return requested;
        }
        return scope.kind() == Scope.Kind.UNIT ? scope.id() : null;
    }

    /** Whether the store's answer has to be filtered further (a jurisdiction scope asking for no one unit). */
    static boolean needsFilter(Scope scope, String unitToFind) {
        return !scope.isAll() && unitToFind == null;
    }

    boolean visible(Scope scope, Notice notice) {
        return access.covers(scope, notice.unitId());
    }
}
