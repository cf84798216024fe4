package io.minxin.events.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * The counted facts of one unit, channel and span of time (a period or a day), as defined in the metric
 * semantics: what the unit owned and how it went, the returns it made, the 推诿 charged to it.
 *
 * <p>The eight counts say what happened, excluded cases included; {@link #excluded} says which parts of them operators
 * excluded (剔除) from the assessment. Every field is a sum over cases, so counts of units add up exactly (overview =
 * sum of units), and every rate is computed from its assessed parts ({@link #numerator}, {@link #denominator}): what
 * happened minus what is excluded from that rate.
 *
 * @param pushbacks 推诿 (较差件) charged to the unit: the candidate's unless an operator's ruling dismissed the case or
 *     named another unit
 * @param excluded the excluded parts, omitted in JSON (null) when nothing is excluded
 * @param handled cases handed to the unit (回退率's denominator): 1 per case the unit was accepted for or returned,
 *     owner or not
 * @param returnedCases cases the unit returned at least once (回退率's numerator), unlike {@link #returns} 1 per case
 *     (the three handling counts read as 0 from JSON written before them)
 * @param reopened concluded cases of the unit sent back to be handled again (重办率's numerator; its denominator is
 *     {@link #concluded})
 * @param dispatched cases dispatched (派单) to the unit, lead or co-handling, once per case (及时签收率's denominator)
 * @param signedOnTime of those, the cases whose latest dispatch to the unit it signed (签收) by the sign-in deadline
 *     (及时签收率's numerator; both read as 0 from JSON written before them)
 * @param followedUp cases of the unit with a follow-up visit (回访), answered or not (有效回访率's denominator; its
 *     numerator is {@link #visited}, the answered ones; read as 0 from JSON written before it)
 * @param forwarded cases the unit passed on (二级分转: dispatched onward after it got the case), once per case
 *     (按时分转率's denominator)
 * @param forwardedOnTime of those, the cases whose first onward dispatch came within the dispatch working days of the
 *     moment the unit got the case (按时分转率's numerator; both read as 0 from JSON written before them)
 * @param supervised cases handed to the unit ({@link #handled}) that were supervised (督办) at the unit, once per case
 *     however often (督办率's numerator; its denominator is {@link #handled}; read as 0 from JSON written before it)
 * @param fedBack cases of the unit whose conclusion that counts carries a reply (答复/反馈) to the citizen (反馈率's
 *     numerator; its denominator is {@link #received}; read as 0 from JSON written before it)
 */
public record Counts(
        long received,
        long concluded,
        long concludedOnTime,
        long visited,
        long satisfied,
        long excellent,
        long returns,
        long pushbacks,
        @JsonInclude(JsonInclude.Include.NON_NULL) Excluded excluded,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long handled,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long returnedCases,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long reopened,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long dispatched,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long signedOnTime,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long followedUp,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long forwarded,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long forwardedOnTime,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long supervised,
        @JsonSetter(nulls = Nulls.AS_EMPTY) long fedBack) {
    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    public Counts {
        excluded = excluded == null || excluded.none() ? null : excluded;
    }

    /** Counts with nothing excluded. */
    public Counts(
            long received,
            long concluded,
            long concludedOnTime,
            long visited,
            long satisfied,
            long excellent,
            long returns,
            long pushbacks) {
        this(received, concluded, concludedOnTime, visited, satisfied, excellent, returns, pushbacks, null);
    }

    /** Counts without the handling counts of the optional lifecycle ({@link #handled}, ...), as before them. */
    public Counts(
            long received,
            long concluded,
            long concludedOnTime,
            long visited,
            long satisfied,
            long excellent,
            long returns,
            long pushbacks,
            Excluded excluded) {
        this(
                received,
                concluded,
                concludedOnTime,
                visited,
                satisfied,
                excellent,
                returns,
                pushbacks,
                excluded,
                0,
                0,
                0);
    }

    /** Counts without the sign-in counts ({@link #dispatched}, {@link #signedOnTime}), as before them. */
    public Counts(
            long received,
            long concluded,
            long concludedOnTime,
            long visited,
            long satisfied,
            long excellent,
            long returns,
            long pushbacks,
            Excluded excluded,
            long handled,
            long returnedCases,
            long reopened) {
        this(
                received,
                concluded,
                concludedOnTime,
                visited,
                satisfied,
                excellent,
                returns,
                pushbacks,
                excluded,
                handled,
                returnedCases,
                reopened,
                0,
                0);
    }

    /** Counts without {@link #followedUp}, as before it. */
    public Counts(
            long received,
            long concluded,
            long concludedOnTime,
            long visited,
            long satisfied,
            long excellent,
            long returns,
            long pushbacks,
            Excluded excluded,
            long handled,
            long returnedCases,
            long reopened,
            long dispatched,
            long signedOnTime) {
        this(
                received,
                concluded,
                concludedOnTime,
                visited,
                satisfied,
                excellent,
                returns,
                pushbacks,
                excluded,
                handled,
                returnedCases,
                reopened,
                dispatched,
                signedOnTime,
                0);
    }

    /** Counts without the forwarding, supervision and feedback counts ({@link #forwarded}, ...), as before them. */
    public Counts(
            long received,
            long concluded,
            long concludedOnTime,
            long visited,
            long satisfied,
            long excellent,
            long returns,
            long pushbacks,
            Excluded excluded,
            long handled,
            long returnedCases,
            long reopened,
            long dispatched,
            long signedOnTime,
            long followedUp) {
        this(
                received,
                concluded,
                concludedOnTime,
                visited,
                satisfied,
                excellent,
                returns,
                pushbacks,
                excluded,
                handled,
                returnedCases,
                reopened,
                dispatched,
                signedOnTime,
                followedUp,
                0,
                0,
                0,
                0);
    }

    /** Handling counts only: the cases handed to a unit, those it returned, its concluded cases reopened. */
    public static Counts handling(long handled, long returnedCases, long reopened) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, null, handled, returnedCases, reopened);
    }

    /** Sign-in counts only: cases dispatched to a unit, and those it signed for in time. */
    public static Counts signIn(long dispatched, long signedOnTime) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, dispatched, signedOnTime);
    }

    /** Follow-up counts only: cases with a visit, answered or not. */
    public static Counts followUp(long followedUp) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, followedUp);
    }

    /** Forwarding counts only: cases a unit passed on, and those it passed on in time. */
    public static Counts forwarding(long forwarded, long forwardedOnTime) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, forwarded, forwardedOnTime, 0, 0);
    }

    /** The supervision count only: cases handed to a unit that were supervised at it. */
    public static Counts supervision(long supervised) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, supervised, 0);
    }

    /** The feedback count only: cases whose conclusion that counts carries a reply. */
    public static Counts feedback(long fedBack) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, fedBack);
    }

    public Counts plus(Counts other) {
        return new Counts(
                received + other.received,
                concluded + other.concluded,
                concludedOnTime + other.concludedOnTime,
                visited + other.visited,
                satisfied + other.satisfied,
                excellent + other.excellent,
                returns + other.returns,
                pushbacks + other.pushbacks,
                excludedParts().plus(other.excludedParts()),
                handled + other.handled,
                returnedCases + other.returnedCases,
                reopened + other.reopened,
                dispatched + other.dispatched,
                signedOnTime + other.signedOnTime,
                followedUp + other.followedUp,
                forwarded + other.forwarded,
                forwardedOnTime + other.forwardedOnTime,
                supervised + other.supervised,
                fedBack + other.fedBack);
    }

    public Counts minus(Counts other) {
        return plus(other.negated());
    }

    public Counts negated() {
        return new Counts(
                -received,
                -concluded,
                -concludedOnTime,
                -visited,
                -satisfied,
                -excellent,
                -returns,
                -pushbacks,
                excludedParts().negated(),
                -handled,
                -returnedCases,
                -reopened,
                -dispatched,
                -signedOnTime,
                -followedUp,
                -forwarded,
                -forwardedOnTime,
                -supervised,
                -fedBack);
    }

    /** These counts with {@code parts} excluded besides what they exclude already. */
    public Counts excluding(Excluded parts) {
        return new Counts(
                received,
                concluded,
                concludedOnTime,
                visited,
                satisfied,
                excellent,
                returns,
                pushbacks,
                excludedParts().plus(parts),
                handled,
                returnedCases,
                reopened,
                dispatched,
                signedOnTime,
                followedUp,
                forwarded,
                forwardedOnTime,
                supervised,
                fedBack);
    }

    /** What is excluded, {@link Excluded#NONE} rather than null. */
    public Excluded excludedParts() {
        return excluded == null ? Excluded.NONE : excluded;
    }

    /** True when every count is zero, excluded parts included. */
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

    /** What a rate ({@code completionRate}, ...) is a fraction of, counting every case, excluded ones included. */
    public Part counted(String rate) {
        return switch (rate) {
            case "completionRate" -> new Part(concluded, received);
            case "onTimeRate" -> new Part(concludedOnTime, concluded);
            case "satisfactionRate" -> new Part(satisfied, visited);
            case "excellentRate" -> new Part(excellent, visited);
            case "returnRate" -> new Part(returnedCases, handled);
            case "reopenRate" -> new Part(reopened, concluded);
            case "signInRate" -> new Part(signedOnTime, dispatched);
            case "validVisitRate" -> new Part(visited, followedUp);
            case "dispatchRate" -> new Part(forwardedOnTime, forwarded);
            case "supervisionRate" -> new Part(supervised, handled);
            case "feedbackRate" -> new Part(fedBack, received);
            default -> throw new IllegalArgumentException("unknown rate " + rate);
        };
    }

    /** The numerator of a rate ({@code completionRate}, ...) without the cases excluded from it. */
    public long numerator(String rate) {
        return counted(rate).numerator() - excludedParts().of(rate).numerator();
    }

    /** The denominator of a rate ({@code completionRate}, ...) without the cases excluded from it. */
    public long denominator(String rate) {
        return counted(rate).denominator() - excludedParts().of(rate).denominator();
    }

    /** The returns that count: {@link #returns} without those of cases excluded from {@code returns}. */
    public long assessedReturns() {
        return returns - excludedParts().returns();
    }

    /** A numerator and its denominator. */
    public record Part(long numerator, long denominator) {
        public static final Part ZERO = new Part(0, 0);

        public Part plus(Part other) {
            return new Part(numerator + other.numerator, denominator + other.denominator);
        }

        public Part negated() {
            return new Part(-numerator, -denominator);
        }

        public boolean zero() {
            return numerator == 0 && denominator == 0;
        }

        /** Jackson's filter that leaves a zero part out of the JSON (its {@code equals} says "omit"). */
        public static final class ZeroFilter {
            @Override
            public boolean equals(Object value) {
                return value == null || value instanceof Part part && part.zero();
            }

            @Override
            public int hashCode() {
                return 0;
            }
        }
    }

    /**
     * The parts of the counts excluded from each rate (剔除): a case excluded from a rate takes its share of that rate's
     * numerator and denominator with it, and nothing from the other rates; a case excluded from {@code returns} takes
     * its returns. Zero parts of rates are omitted in JSON; {@code returns} is always written.
     */
    public record Excluded(
            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Part.ZeroFilter.class)
            Part completionRate,

            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Part.ZeroFilter.class)
            Part onTimeRate,

            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Part.ZeroFilter.class)
            Part satisfactionRate,

            @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Part.ZeroFilter.class)
            Part excellentRate,

            long returns) {
        public static final Excluded NONE = new Excluded(null, null, null, null, 0);

        public Excluded {
            completionRate = completionRate == null ? Part.ZERO : completionRate;
            onTimeRate = onTimeRate == null ? Part.ZERO : onTimeRate;
            satisfactionRate = satisfactionRate == null ? Part.ZERO : satisfactionRate;
            excellentRate = excellentRate == null ? Part.ZERO : excellentRate;
        }

        /** The excluded part of a rate named as in the JSON; the rates of the optional lifecycle exclude nothing (yet). */
        public Part of(String rate) {
            return switch (rate) {
                case "completionRate" -> completionRate;
                case "onTimeRate" -> onTimeRate;
                case "satisfactionRate" -> satisfactionRate;
                case "excellentRate" -> excellentRate;
                case "returnRate",
                        "reopenRate",
                        "signInRate",
                        "validVisitRate",
                        "dispatchRate",
                        "supervisionRate",
                        "feedbackRate" -> Part.ZERO;
                default -> throw new IllegalArgumentException("unknown rate " + rate);
            };
        }

        /** Nothing but {@code part} excluded from {@code rate}. */
        public static Excluded from(String rate, Part part) {
            return switch (rate) {
                case "completionRate" -> new Excluded(part, null, null, null, 0);
                case "onTimeRate" -> new Excluded(null, part, null, null, 0);
                case "satisfactionRate" -> new Excluded(null, null, part, null, 0);
                case "excellentRate" -> new Excluded(null, null, null, part, 0);
                default -> throw new IllegalArgumentException("unknown rate " + rate);
            };
        }

        /** Nothing but {@code returns} returns excluded. */
        public static Excluded ofReturns(long returns) {
            return new Excluded(null, null, null, null, returns);
        }

        public Excluded plus(Excluded other) {
            return new Excluded(
                    completionRate.plus(other.completionRate),
                    onTimeRate.plus(other.onTimeRate),
                    satisfactionRate.plus(other.satisfactionRate),
                    excellentRate.plus(other.excellentRate),
                    returns + other.returns);
        }

        public Excluded negated() {
            return new Excluded(
                    completionRate.negated(),
                    onTimeRate.negated(),
                    satisfactionRate.negated(),
                    excellentRate.negated(),
                    -returns);
        }

        public boolean none() {
            return equals(NONE);
        }
    }
}
