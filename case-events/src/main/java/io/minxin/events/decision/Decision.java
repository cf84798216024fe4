package io.minxin.events.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * One human decision, as it is put on topic {@code decisions} (key {@link #key()}, the JSON of the contract's
 * mapper) by the service where it was taken, once it was validated.
 *
 * <p>A decision is never changed or deleted: a later decision about the same subject supersedes it. Where two
 * decisions about one subject compete, the later {@link #decidedAt()} wins, then the greater {@link #id()}
 * ({@link #supersedes}), so that the outcome depends on the set of decisions, not on the order they are read in.
 *
 * @param id unique per decision (a random UUID); a reader applies a decision once by it
 * @param period the assessment period ({@code YYYY-MM}) the decision belongs to
 * @param decidedBy who decided: the key id of the verified caller, or {@code account:<name>} for a person
 * @param role the role that authorized it, its wire name ({@code operator}, {@code dashboard})
 * @param decidedAt when it was decided
 * @param reason why, in the words of the person who decided (may be empty only where the body says so)
 * @param body what was decided; its JSON carries {@code kind}
 */
public record Decision(
        String id, String period, String decidedBy, String role, Instant decidedAt, String reason, DecisionBody body) {
    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(body, "body");
        reason = reason == null ? "" : reason;
    }

    /** The Kafka record key: that of the subject ({@link DecisionBody#key()}). */
    public String key() {
        return body.key();
    }

    /** Whether this decision supersedes {@code other} about the same subject: later, then greater id. */
    public boolean supersedes(Decision other) {
        int byTime = decidedAt.compareTo(other.decidedAt);
        return byTime != 0 ? byTime > 0 : id.compareTo(other.id) > 0;
    }
}
