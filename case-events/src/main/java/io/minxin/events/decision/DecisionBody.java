package io.minxin.events.decision;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a {@link Decision} decided. The JSON property {@code kind} names the type; a record of a kind the reader does not
 * know (from a newer producer) fails to read: readers log and skip it, never stop on it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PushbackRuling.class, name = PushbackRuling.KIND),
    @JsonSubTypes.Type(value = Exclusion.class, name = Exclusion.KIND),
    @JsonSubTypes.Type(value = DisputeFiled.class, name = DisputeFiled.KIND),
    @JsonSubTypes.Type(value = DisputeDecided.class, name = DisputeDecided.KIND),
    @JsonSubTypes.Type(value = BulletinEdited.class, name = BulletinEdited.KIND),
    @JsonSubTypes.Type(value = BulletinIssued.class, name = BulletinIssued.KIND),
    @JsonSubTypes.Type(value = LetterAcknowledged.class, name = LetterAcknowledged.KIND)
})
public sealed interface DecisionBody
        permits PushbackRuling,
                Exclusion,
                DisputeFiled,
                DisputeDecided,
                BulletinEdited,
                BulletinIssued,
                LetterAcknowledged {
    /**
     * The Kafka record key of the subject: the caseId for decisions about a case (so that they share the
     * partition of the case's events), {@code bulletin|<period>} for the bulletin, {@code letter|<noticeId>} for
     * a 提示函.
     */
    String key();
}
