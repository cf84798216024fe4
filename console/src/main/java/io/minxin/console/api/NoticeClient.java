package io.minxin.console.api;

import io.minxin.events.audit.AuditEntry;
import io.minxin.events.notice.BulletinRevision;
import io.minxin.events.notice.ExcludedIndicator;
import io.minxin.events.notice.Letter;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.ReviewItem;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * notice-service through the gateway: a unit's notices, the 较差件 review queue, disputes (申诉), 提示函, the
 * bulletin, exclusions (剔除), webhook subscriptions and the audit trail.
 */
@Component
public class NoticeClient {
    private static final ParameterizedTypeReference<List<ReviewItem>> REVIEWS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Notice>> NOTICES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Dispute>> DISPUTES = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Letter>> LETTERS = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<ExcludedIndicator>> EXCLUSIONS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Subscription>> SUBSCRIPTIONS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<AuditEntry>> AUDIT = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<BulletinRevision>> REVISIONS =
            new ParameterizedTypeReference<>() {};

    private final GatewayApi api;

    NoticeClient(GatewayApi api) {
        this.api = api;
    }

    /**
     * {@code GET /api/v1/notices?period=&unitId=}: the unit's notices of the month, newest first (the API lists the
     * oldest first); 403 when the person may not read that unit's.
     */
    public Mono<List<Notice>> notices(String period, String unitId) {
        return api.get(
                        uri -> uri.path("/api/v1/notices")
                                .queryParam("period", period)
                                .queryParam("unitId", unitId)
                                .build(),
                        NOTICES)
                .map(notices -> notices.stream()
                        .sorted(Comparator.comparing(
                                        Notice::occurredAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                                .reversed())
                        .toList());
    }

    /** {@code GET /api/v1/reviews?period=&status=}; a unit-scoped person gets their unit's. */
    public Mono<List<ReviewItem>> reviews(String period, String status) {
        return api.get(
                uri -> uri.path("/api/v1/reviews")
                        .queryParam("period", period)
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .build(),
                REVIEWS);
    }

    /**
     * {@code POST /api/v1/reviews/{caseId}/ruling}: {@code verdict} CONFIRMED (with {@code ruling}), DISMISSED (with
     * {@code reason}) or REASSIGNED (with {@code responsibleUnitId} and {@code ruling}); answers the updated item.
     */
    public Mono<ReviewItem> rule(String caseId, Map<String, String> ruling) {
        return api.post(uri -> uri.path("/api/v1/reviews/{caseId}/ruling").build(caseId), ruling, ReviewItem.class);
    }

    /** {@code GET /api/v1/bulletins/{period}}: the latest issued revision, else the draft. */
    public Mono<BulletinStatus> bulletin(String period) {
        return api.get(uri -> uri.path("/api/v1/bulletins/{period}").build(period), BulletinStatus.class);
    }

    /** {@code GET /api/v1/bulletins/{period}.{html|docx}} as sent: bytes, content type, disposition. */
    public Mono<ResponseEntity<byte[]>> bulletinDocument(String period, String extension) {
        return api.document(
                uri -> uri.path("/api/v1/bulletins/{period}." + extension).build(period));
    }

    /** {@code POST /api/v1/bulletins/{period}/issue}: number, freeze and issue the draft as it stands. */
    public Mono<BulletinStatus> issue(String period) {
        return api.post(
                uri -> uri.path("/api/v1/bulletins/{period}/issue").build(period), Map.of(), BulletinStatus.class);
    }

    /**
     * {@code GET /api/v1/bulletins/{period}/draft}: the draft with the operators' edits (after the issue: the next
     * 更正 to be); city-wide callers only.
     */
    public Mono<BulletinDraft> draft(String period) {
        return api.get(uri -> uri.path("/api/v1/bulletins/{period}/draft").build(period), BulletinDraft.class);
    }

    /**
     * {@code PATCH /api/v1/bulletins/{period}/draft} with only the fields that change ({@code signer}, {@code number},
     * {@code sequence}, {@code issueDate}, {@code office}, {@code issuingOffice}, {@code reportTo}, {@code sendTo},
     * {@code requirements}, {@code explanations}, and the note {@code reason}): the draft as it is now.
     */
    public Mono<BulletinDraft> editDraft(String period, Map<String, Object> edit) {
        return api.patch(uri -> uri.path("/api/v1/bulletins/{period}/draft").build(period), edit, BulletinDraft.class);
    }

    /** {@code GET /api/v1/bulletins/{period}/draft.{md|html|docx}} as sent: the draft, every page marked 草稿. */
    public Mono<ResponseEntity<byte[]>> draftDocument(String period, String extension) {
        return api.document(
                uri -> uri.path("/api/v1/bulletins/{period}/draft." + extension).build(period));
    }

    /** {@code POST /api/v1/bulletins/{period}/corrections} with {@code reason}: the issued 更正. */
    public Mono<BulletinStatus> correct(String period, String reason) {
        return api.post(
                uri -> uri.path("/api/v1/bulletins/{period}/corrections").build(period),
                Map.of("reason", reason),
                BulletinStatus.class);
    }

    /** {@code GET /api/v1/bulletins/{period}/revisions}: every issued revision, the bulletin first. */
    public Mono<List<BulletinRevision>> revisions(String period) {
        return api.get(uri -> uri.path("/api/v1/bulletins/{period}/revisions").build(period), REVISIONS);
    }

    /** {@code GET /api/v1/bulletins/{period}/revisions/{n}.{md|html|docx}} as sent. */
    public Mono<ResponseEntity<byte[]>> revisionDocument(String period, int revision, String extension) {
        return api.document(uri -> uri.path("/api/v1/bulletins/{period}/revisions/{n}." + extension)
                .build(period, revision));
    }

    /** {@code GET /api/v1/disputes?period=}: oldest first; a unit-scoped person gets their unit's. */
    public Mono<List<Dispute>> disputes(String period) {
        return api.get(
                uri -> uri.path("/api/v1/disputes").queryParam("period", period).build(), DISPUTES);
    }

    /** {@code POST /api/v1/disputes} with {@code caseId}, {@code subject} and {@code reason}: the filed dispute. */
    public Mono<Dispute> fileDispute(Map<String, String> filing) {
        return api.post(uri -> uri.path("/api/v1/disputes").build(), filing, Dispute.class);
    }

    /** {@code POST /api/v1/disputes/{id}/decision} with {@code accepted} and {@code reason}: the decided dispute. */
    public Mono<Dispute> decideDispute(String disputeId, boolean accepted, String reason) {
        return api.post(
                uri -> uri.path("/api/v1/disputes/{id}/decision").build(disputeId),
                Map.of("accepted", accepted, "reason", reason),
                Dispute.class);
    }

    /** {@code GET /api/v1/letters?period=}: oldest first; a unit-scoped person gets their unit's. */
    public Mono<List<Letter>> letters(String period) {
        return api.get(
                uri -> uri.path("/api/v1/letters").queryParam("period", period).build(), LETTERS);
    }

    /** {@code GET /api/v1/letters/{unitId}/{month}.{html|docx}} as sent: bytes, content type, disposition. */
    public Mono<ResponseEntity<byte[]>> letterDocument(String unitId, String month, String extension) {
        return api.document(
                uri -> uri.path("/api/v1/letters/{unitId}/{month}." + extension).build(unitId, month));
    }

    /** {@code POST /api/v1/letters/{unitId}/{month}/acknowledgement}: the acknowledged letter. */
    public Mono<Letter> acknowledge(String unitId, String month) {
        return api.post(
                uri -> uri.path("/api/v1/letters/{unitId}/{month}/acknowledgement")
                        .build(unitId, month),
                Map.of(),
                Letter.class);
    }

    /** {@code GET /api/v1/exclusions?period=}: per case and indicator; a unit-scoped person gets their unit's. */
    public Mono<List<ExcludedIndicator>> exclusions(String period) {
        return api.get(
                uri -> uri.path("/api/v1/exclusions")
                        .queryParam("period", period)
                        .build(),
                EXCLUSIONS);
    }

    /**
     * {@code POST /api/v1/exclusions} with {@code caseId}, {@code indicators} (wire names), {@code excluded} and
     * {@code reason}; an operator's. The answer is not read: the page lists the exclusions again.
     */
    public Mono<Void> exclude(Map<String, Object> exclusion) {
        return api.post(uri -> uri.path("/api/v1/exclusions").build(), exclusion, String.class)
                .then();
    }

    /** {@code GET /api/v1/subscriptions}: every webhook subscription, secrets never shown; an operator's. */
    public Mono<List<Subscription>> subscriptions() {
        return api.get(uri -> uri.path("/api/v1/subscriptions").build(), SUBSCRIPTIONS);
    }

    /** {@code POST /api/v1/subscriptions}: the new subscription, with its secret this once. */
    public Mono<Subscription> subscribe(Map<String, Object> subscription) {
        return api.post(uri -> uri.path("/api/v1/subscriptions").build(), subscription, Subscription.class);
    }

    /** {@code DELETE /api/v1/subscriptions/{id}}: what it has not received yet is dropped. */
    public Mono<Void> unsubscribe(String id) {
        return api.delete(uri -> uri.path("/api/v1/subscriptions/{id}").build(id));
    }

    /**
     * {@code GET /api/v1/audit} with the query's filters: newest first, at most {@code limit} entries; an
     * operator's.
     */
    public Mono<List<AuditEntry>> audit(AuditQuery query) {
        return api.get(
                uri -> uri.path("/api/v1/audit")
                        .queryParamIfPresent("actor", Optional.ofNullable(query.actor()))
                        .queryParamIfPresent("action", Optional.ofNullable(query.action()))
                        .queryParamIfPresent("target", Optional.ofNullable(query.target()))
                        .queryParamIfPresent("since", Optional.ofNullable(query.since()))
                        .queryParamIfPresent("until", Optional.ofNullable(query.until()))
                        .queryParam("limit", query.limit())
                        .build(),
                AUDIT);
    }
}
