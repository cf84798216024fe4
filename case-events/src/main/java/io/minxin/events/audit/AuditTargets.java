package io.minxin.events.audit;

/**
 * The {@link AuditEntry#target()} of each action, {@code <kind>:<id>}, so that every producer names the same thing
 * the same way and the audit API's {@code target} parameter finds it.
 */
public final class AuditTargets {
    /** A period, e.g. {@code period:2020-09} ({@link AuditAction#PERIOD_CLOSE}). */
    public static String period(String period) {
        return "period:" + period;
    }

    /** A recomputation of rankings by its id, e.g. {@code recomputation:2020-01..2020-12-3f2a} ({@link AuditAction#RANKINGS_RECOMPUTE}). */
    public static String recomputation(String recomputationId) {
        return "recomputation:" + recomputationId;
    }

    /** A ranking revision by its id, e.g. {@code revision:2020-09|PHONE|2} ({@link AuditAction#REVISION_PUBLISH}). */
    public static String revision(String revisionId) {
        return "revision:" + revisionId;
    }

    /** A ranking policy by its id, e.g. {@code policy:phone-ranking} ({@link AuditAction#POLICY_CHANGE}). */
    public static String policy(String policyId) {
        return "policy:" + policyId;
    }

    /** An API key by its id (never its secret), e.g. {@code key:3f2a…} (key issue and revoke). */
    public static String key(String keyId) {
        return "key:" + keyId;
    }

    /** A person's console account by its username, e.g. {@code account:zhenxing-liaison} (opened, signed in). */
    public static String account(String username) {
        return "account:" + username;
    }

    /** A webhook subscription by its id (subscription create and delete). */
    public static String subscription(String subscriptionId) {
        return "subscription:" + subscriptionId;
    }

    /** A period's bulletin, e.g. {@code bulletin:2020-09} ({@link AuditAction#BULLETIN_ISSUE}). */
    public static String bulletin(String period) {
        return "bulletin:" + period;
    }

    /** A case, e.g. {@code case:614418} (a 较差件 ruling, an exclusion). */
    public static String caseOf(String caseId) {
        return "case:" + caseId;
    }

    /** A dispute (申诉) by its id (filed, decided). */
    public static String dispute(String disputeId) {
        return "dispute:" + disputeId;
    }

    /** A 提示函 by its notice id, e.g. {@code letter:duty-letter|xlt-zhenxing|2020-09} (acknowledged). */
    public static String letter(String noticeId) {
        return "letter:" + noticeId;
    }

    private AuditTargets() {}
}
