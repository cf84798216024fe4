package io.minxin.events.ranking;

import io.minxin.events.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator's recomputation of the closed rankings of a range of months under the policies effective for them now,
 * as ranking-service answers it ({@code /api/v1/periods/recomputations/{id}}): how far it has come and what each
 * ranking gave.
 *
 * @param total months × channels to rank again
 * @param done those ranked so far, each in {@code results}
 * @param requestedBy the key or account that asked
 * @param error why it stopped, when {@code FAILED}
 */
public record Recomputation(
        String id,
        String from,
        String to,
        String requestedBy,
        Instant requestedAt,
        int total,
        int done,
        State state,
        List<Result> results,
        String error,
        Instant finishedAt) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * What ranking one month's channel again gave.
     *
     * @param revision the pending revision made ({@code PENDING}) or the revision it stands as ({@code UNCHANGED})
     * @param policyVersion the policy version it was ranked under
     * @param changes units whose place, inputs or exclusions differ from the revision it stands on
     */
    public record Result(
            String period, Channel channel, Outcome outcome, Integer revision, Integer policyVersion, int changes) {}

    public enum Outcome {
        /** Not closed: its live ranking follows the effective policy already. */
        OPEN,
        /** Ranked again the same as the revision it stands on, under the same policy: nothing pending. */
        UNCHANGED,
        /** A pending revision under the policy effective now, with its diff, for an operator to publish. */
        PENDING
    }

    public Recomputation {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** This recomputation with one more ranking done. */
    public Recomputation with(Result result) {
        List<Result> all = new ArrayList<>(results);
        all.add(result);
        return new Recomputation(
                id, from, to, requestedBy, requestedAt, total, done + 1, state, all, error, finishedAt);
    }

    /** This recomputation over, {@code DONE} or {@code FAILED} with why. */
    public Recomputation finished(State end, String why, Instant at) {
        return new Recomputation(id, from, to, requestedBy, requestedAt, total, done, end, results, why, at);
    }

    public boolean running() {
        return state == State.RUNNING;
    }
}
