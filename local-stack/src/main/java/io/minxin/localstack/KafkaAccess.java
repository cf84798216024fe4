package io.minxin.localstack;

import io.minxin.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on Minxin's Kafka cluster: each service is its own principal (SCRAM), allowed only the topics it
 * reads and writes, its consumer groups and its transactional ids. The broker denies everything else
 * ({@code allow.everyone.if.no.acl.found=false}); only the cluster's own and the setup job's principals are super
 * users. {@link CreateTopics} creates the principals' credentials and these ACLs next to the topics of
 * {@link Topics}, so the topic facts and who may use them live in one place.
 *
 * <p>Groups and transactional ids are granted by prefix, the service's name (or metrics-service's Streams
 * application prefix), so a setting that only appends to it (another consumer group of the service, an instance's
 * transactional ids) needs no new ACL; a setting that renames it does (deploy/README.md says which).
 */
public final class KafkaAccess {
    /** The principal every service's clients authenticate as: its service name. */
    public static final String INTAKE = "intake-service";

    public static final String METRICS = "metrics-service";
    public static final String RANKING = "ranking-service";
    public static final String NOTICE = "notice-service";
    public static final String GATEWAY = "gateway";

    /**
     * metrics-service's Kafka Streams application prefix ({@code minxin.metrics.streams.application-prefix}) and
     * the start of its projection's consumer group: its internal topics, groups and transactional ids all begin so.
     */
    public static final String METRICS_PREFIX = "minxin-metrics-";

    /**
     * One principal's rights.
     *
     * @param name the SCRAM user, {@code User:<name>}
     * @param reads topics it consumes (READ, which implies DESCRIBE)
     * @param writes topics it produces to (WRITE, which implies DESCRIBE; idempotent producers need no more since
     *     Kafka 3.0)
     * @param groupPrefix its consumer groups (READ on groups starting so), or null when it reads without a group
     * @param transactionalIdPrefix its transactional ids (WRITE), or null when it uses no transactions
     * @param ownedTopicPrefix topics it creates and owns (every operation: Kafka Streams' changelog and repartition
     *     topics), or null
     */
    public record Principal(
            String name,
            Set<String> reads,
            Set<String> writes,
            String groupPrefix,
            String transactionalIdPrefix,
            String ownedTopicPrefix) {

        public Principal {
            reads = Set.copyOf(reads);
            writes = Set.copyOf(writes);
        }

        /** Every topic named in this principal's rights. */
        public Set<String> topics() {
            Set<String> topics = new TreeSet<>(reads);
            topics.addAll(writes);
            return topics;
        }

        /** The ACLs that grant exactly these rights, all ALLOW from any host. */
        public List<AclBinding> acls() {
            String user = "User:" + name;
            List<AclBinding> acls = new ArrayList<>();
            reads.stream()
                    .sorted()
                    .forEach(topic ->
                            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ)));
            writes.stream()
                    .sorted()
                    .forEach(topic ->
                            acls.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE)));
            if (groupPrefix != null) {
                acls.add(allow(user, ResourceType.GROUP, groupPrefix, PatternType.PREFIXED, AclOperation.READ));
            }
            if (transactionalIdPrefix != null) {
                acls.add(allow(
                        user,
                        ResourceType.TRANSACTIONAL_ID,
                        transactionalIdPrefix,
                        PatternType.PREFIXED,
                        AclOperation.WRITE));
            }
            if (ownedTopicPrefix != null) {
                acls.add(allow(user, ResourceType.TOPIC, ownedTopicPrefix, PatternType.PREFIXED, AclOperation.ALL));
            }
            return acls;
        }
    }

    /** Every service's principal and rights; the one table compose, k8s and the tests apply. */
    public static List<Principal> principals() {
        return List.of(
                // events and duty log-ins, in transactions (minxin.intake.publish.transaction-id-prefix: intake-…)
                new Principal(
                        INTAKE, Set.of(), Set.of(Topics.CASE_EVENTS, Topics.UNIT_ACTIVITY), INTAKE, "intake-", null),
                // the Streams topology (case-events and the case decisions → case-state, unit-metrics,
                // unit-daily-metrics, dead letters), the MongoDB projection of its outputs and the unit directory
                new Principal(
                        METRICS,
                        Set.of(
                                Topics.CASE_EVENTS,
                                Topics.UNIT_ACTIVITY,
                                Topics.DECISIONS,
                                Topics.CASE_STATE,
                                Topics.UNIT_METRICS,
                                Topics.UNIT_DAILY_METRICS),
                        Set.of(
                                Topics.CASE_STATE,
                                Topics.UNIT_METRICS,
                                Topics.UNIT_DAILY_METRICS,
                                Topics.CASE_EVENTS_DLQ),
                        METRICS_PREFIX,
                        METRICS_PREFIX,
                        METRICS_PREFIX),
                // live rankings from unit-metrics, per jurisdiction of the unit directory; revisions; its operators'
                // actions
                new Principal(
                        RANKING,
                        Set.of(Topics.UNIT_METRICS, Topics.UNIT_ACTIVITY),
                        Set.of(Topics.RANKINGS, Topics.AUDIT),
                        RANKING,
                        null,
                        null),
                // alerts, letters and the bulletin from everything computed; the audit trail it serves; the month's
                // human decisions it takes and projects
                new Principal(
                        NOTICE,
                        Set.of(
                                Topics.CASE_STATE,
                                Topics.UNIT_METRICS,
                                Topics.RANKINGS,
                                Topics.UNIT_ACTIVITY,
                                Topics.AUDIT,
                                Topics.DECISIONS),
                        Set.of(Topics.NOTICES, Topics.AUDIT, Topics.DECISIONS),
                        NOTICE,
                        null,
                        null),
                // key issue and revoke: audited, and passed to every gateway instance (each reads from the end, no
                // group)
                new Principal(
                        GATEWAY,
                        Set.of(Topics.API_KEY_CHANGES),
                        Set.of(Topics.AUDIT, Topics.API_KEY_CHANGES),
                        null,
                        null,
                        null));
    }

    /** Every ACL of {@link #principals()}. */
    public static List<AclBinding> acls() {
        return principals().stream().flatMap(p -> p.acls().stream()).toList();
    }

    private static AclBinding allow(
            String user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(user, "*", operation, AclPermissionType.ALLOW));
    }

    private KafkaAccess() {}
}
