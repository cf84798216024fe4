package io.minxin.events.state;

/**
 * The counted facts of one unit, channel and span of time (a period or a day), as defined in the metric
 * semantics: what the unit owned and how it went, the returns it made, the confirmed 推诿 it concluded.
 */
public record Counts(
        long received,
        long concluded,
        long concludedOnTime,
        long visited,
        long satisfied,
        long excellent,
        long returns,
        long pushbacks) {
    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts other) {
        return new Counts(
                received + other.received,
                concluded + other.concluded,
                concludedOnTime + other.concludedOnTime,
                visited + other.visited,
                satisfied + other.satisfied,
                excellent + other.excellent,
                returns + other.returns,
                pushbacks + other.pushbacks);
    }

    public Counts minus(Counts other) {
        return plus(other.negated());
    }

    public Counts negated() {
        return new Counts(
                -received, -concluded, -concludedOnTime, -visited, -satisfied, -excellent, -returns, -pushbacks);
    }

    /** True when every count is zero. */
    public boolean none() {
        return equals(NONE);
    }

    /** The unit took part in the span: it owned a case or returned one. */
    public boolean involved() {
        return received > 0 || returns > 0;
    }

    public Rates rates() {
        return Rates.of(this);
    }
}
