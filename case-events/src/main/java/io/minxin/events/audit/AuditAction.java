package io.minxin.events.audit;

import java.util.Optional;

/**
 * The operator actions that are audited, with the name each has in {@link AuditEntry#action()} and in the audit
 * API's {@code action} parameter.
 */
public enum AuditAction {
    /** ranking-service: a period closed by an operator (revision 1 of each channel frozen and published). */
    PERIOD_CLOSE("period.close"),
    /** ranking-service: a pending revision published (one entry per revision). */
    REVISION_PUBLISH("revision.publish"),
    /** ranking-service: a new policy version stored. */
    POLICY_CHANGE("policy.change"),
    /** gateway: an API key issued. */
    KEY_ISSUE("key.issue"),
    /** gateway: an API key revoked. */
    KEY_REVOKE("key.revoke"),
    /** gateway: a person's console account opened by an operator (role and scope; never the password). */
    ACCOUNT_OPEN("account.open"),
    /** gateway: a person signed in to the console, with a password or through the city's identity provider. */
    ACCOUNT_SIGN_IN("account.sign-in"),
    /** notice-service: a webhook subscription created. */
    SUBSCRIPTION_CREATE("subscription.create"),
    /** notice-service: a webhook subscription deleted. */
    SUBSCRIPTION_DELETE("subscription.delete"),
    /** notice-service: a period's bulletin issued (numbered and frozen). */
    BULLETIN_ISSUE("bulletin.issue"),
    /** notice-service: an operator's ruling on a 较差件 candidate (confirmed, dismissed or reassigned). */
    PUSHBACK_RULING("pushback.rule"),
    /** notice-service: a unit filed a dispute (申诉) about one of its cases. */
    DISPUTE_FILE("dispute.file"),
    /** notice-service: an operator accepted or rejected a dispute (with the decisions an acceptance brings). */
    DISPUTE_DECIDE("dispute.decide"),
    /** notice-service: an operator excluded a case from indicators (剔除), or restored it. */
    EXCLUSION("case.exclude"),
    /** notice-service: fields of a period's bulletin draft edited (a {@code BulletinEdited} decision). */
    BULLETIN_EDIT("bulletin.edit"),
    /** notice-service: a 更正 of an issued bulletin issued (a {@code BulletinIssued} decision of revision n). */
    BULLETIN_CORRECT("bulletin.correct"),
    /** notice-service: a unit acknowledged a 提示函 addressed to it (a {@code LetterAcknowledged} decision). */
    LETTER_ACKNOWLEDGE("letter.acknowledge"),
    /**
     * ranking-service: closed periods ranked again under the policy effective for them now (a recomputation; its
     * pending revisions are published like any other).
     */
    RANKINGS_RECOMPUTE("rankings.recompute");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and queries, e.g. {@code period.close}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<AuditAction> fromWireName(String name) {
        for (AuditAction action : values()) {
            if (action.wireName.equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
