package io.minxin.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minxin.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** How many replicas a topic gets and how many must have a write; {@link KafkaClusterIT} runs it on three brokers. */
class TopicSetupTest {

    @Test
    void givenABrokerCountThenEveryBrokerHoldsAReplicaUpToThree() {
        assertThat(TopicSetup.replicationFactor(1)).isEqualTo((short) 1);
        assertThat(TopicSetup.replicationFactor(2)).isEqualTo((short) 2);
        assertThat(TopicSetup.replicationFactor(3)).isEqualTo((short) 3);
        assertThat(TopicSetup.replicationFactor(5)).isEqualTo((short) 3);
        assertThatThrownBy(() -> TopicSetup.replicationFactor(0)).hasMessageContaining("not 0");
    }

    @Test
    void givenThreeReplicasThenTwoMustHaveAWriteElseOne() {
        assertThat(TopicSetup.minInSyncReplicas(1)).isEqualTo(1);
        assertThat(TopicSetup.minInSyncReplicas(2)).isEqualTo(1);
        assertThat(TopicSetup.minInSyncReplicas(3)).isEqualTo(2);
    }

    @Test
    void whenATopicIsDeclaredThenItCarriesItsReplicationAndMinInSyncReplicas() {
        Topics.Spec caseEvents = Topics.all().stream()
                .filter(spec -> spec.name().equals(Topics.CASE_EVENTS))
                .findFirst()
                .orElseThrow();

        NewTopic three = TopicSetup.newTopic(caseEvents, (short) 3);
        NewTopic one = TopicSetup.newTopic(caseEvents, TopicSetup.SINGLE_REPLICA);

        assertThat(three.replicationFactor()).isEqualTo((short) 3);
        assertThat(three.numPartitions()).isEqualTo(caseEvents.partitions());
        assertThat(three.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
        assertThat(one.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
    }

    @Test
    void givenTheRankingsTopicThenItTakesRevisionsLargerThanTheBrokersDefaultRecord() {
        Topics.Spec rankings = Topics.all().stream()
                .filter(spec -> spec.name().equals(Topics.RANKINGS))
                .findFirst()
                .orElseThrow();

        NewTopic topic = TopicSetup.newTopic(rankings, TopicSetup.SINGLE_REPLICA);

        assertThat(topic.configs())
                .containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_RANKING_BYTES));
        assertThat(TopicSetup.newTopic(Topics.all().get(0), TopicSetup.SINGLE_REPLICA)
                        .configs())
                .doesNotContainKey(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
    }
}
