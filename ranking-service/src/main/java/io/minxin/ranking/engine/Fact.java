package io.minxin.ranking.engine;

/** A counted fact a 加分 or 减分 rule can give points for. */
public enum Fact {
    RECEIVED,
    CONCLUDED,
    CONCLUDED_ON_TIME,
    /** concluded − concludedOnTime. */
    LATE_CONCLUSION,
    /** received − concluded. */
    UNCONCLUDED,
    VISITED,
    SATISFIED,
    /** A visit rated excellent. */
    EXCELLENT,
    /** A return made by the unit. */
    RETURN,
    /** A confirmed 推诿. */
    PUSHBACK;

    public long countOf(UnitPerformance unit) {
        return switch (this) {
            case RECEIVED -> unit.counts().received();
            case CONCLUDED -> unit.counts().concluded();
            case CONCLUDED_ON_TIME -> unit.counts().concludedOnTime();
            case LATE_CONCLUSION ->
                Math.max(0, unit.counts().concluded() - unit.counts().concludedOnTime());
            case UNCONCLUDED ->
                Math.max(0, unit.counts().received() - unit.counts().concluded());
            case VISITED -> unit.counts().visited();
            case SATISFIED -> unit.counts().satisfied();
            case EXCELLENT -> unit.counts().excellent();
            case RETURN -> unit.counts().returns();
            case PUSHBACK -> unit.counts().pushbacks();
        };
    }
}
