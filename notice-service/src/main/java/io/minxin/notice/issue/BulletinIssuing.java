package io.minxin.notice.issue;

import io.minxin.events.EventJson;
import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.decision.BulletinIssued;
import io.minxin.events.decision.Decision;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.BulletinRevision;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.BulletinChanges;
import io.minxin.notice.bulletin.BulletinComposer;
import io.minxin.notice.bulletin.BulletinFacts;
import io.minxin.notice.decisions.DecisionLog;
import io.minxin.notice.notices.Notices;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bulletin of a period as decisions: a live draft with the operators' edits ({@code BulletinEdited}) until an
 * operator issues it ({@code BulletinIssued} revision 0, the facts frozen in the decision), then the latest issued
 * revision; a 更正 is revision n, frozen likewise, with what changed. Edits made after the issue go into the next
 * 更正. A period with no unit metrics and no ranking has no bulletin (not-found), as a draft or to issue.
 */
@Service
class BulletinIssuing {
    private final BulletinFactsSource source;
    private final BulletinIssues issues;
    private final BulletinDrafts drafts;
    private final BulletinComposer composer;
    private final BulletinChanges changes;
    private final DecisionLog decisions;
    private final Notices notices;
    private final AuditTrail audit;
    private final Clock clock;

    BulletinIssuing(
            BulletinFactsSource source,
            BulletinIssues issues,
            BulletinDrafts drafts,
            BulletinComposer composer,
            BulletinChanges changes,
            DecisionLog decisions,
            Notices notices,
            AuditTrail audit,
            Clock clock) {
        this.source = source;
        this.issues = issues;
        this.drafts = drafts;
        this.composer = composer;
        this.changes = changes;
        this.decisions = decisions;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a bulletin stands. */
    enum Status {
        /** Not issued (or the next 更正 of an issued one): today's numbers and data, which may still change. */
        DRAFT,
        ISSUED
    }

    /**
     * A bulletin with its facts, as the API shows it.
     *
     * @param revision an issued revision's number (0 the bulletin, n its n-th 更正); of a draft, the revision its
     *     issue would make
     * @param documentNumber 发文字号 (of a draft: the one it would get)
     * @param changes of a 更正: what it changed
     * @param edits of a draft: per edited field, who edited it last and when
     */
    record BulletinView(
            String period,
            Status status,
            int revision,
            String documentNumber,
            Instant issuedAt,
            String issuedBy,
            String reason,
            List<String> changes,
            BulletinFacts facts,
            Map<String, DraftEdits.Edit> edits) {}

    /** What an operator may fix when issuing; every field is optional. */
    record IssueRequest(Integer number, Integer sequence, LocalDate issueDate) {}

    /**
     * A 更正: why (required), and optionally its own 发文字号 n and date (else the next number of the year, today).
     */
    record CorrectionRequest(String reason, Integer number, LocalDate issueDate) {}

    /** Thrown when the period was issued already. */
    static final class AlreadyIssuedException extends RuntimeException {
        AlreadyIssuedException(IssuedRevision issued) {
            super(issued.period() + " was issued already as " + issued.documentNumber());
        }
    }

    /** The latest issued revision, else the draft. */
    Mono<BulletinView> view(YearMonth period) {
        return issues.latest(period.toString())
                .map(BulletinIssuing::issuedView)
                .switchIfEmpty(Mono.defer(() -> draftView(period)));
    }

    /** The draft: before the issue the bulletin to be, after it the next 更正 to be (as far as it shows). */
    Mono<BulletinView> draftView(YearMonth period) {
        String name = period.toString();
        return source.requireData(period)
                .then(Mono.zip(drafts.edits(name), latest(name)))
                .flatMap(both -> both.getT2().isPresent()
                        ? correctionDraft(period, both.getT1(), both.getT2().get())
                        : draft(period, both.getT1()));
    }

    /** The bulletin to render, as a caller of {@code scope} may read it ({@link BulletinScope}). */
    Mono<Bulletin> bulletin(YearMonth period, Scope scope) {
        return issues.latest(period.toString())
                .map(this::render)
                .switchIfEmpty(Mono.defer(() -> draftBulletin(period, scope)));
    }

    /** The draft rendered, every page marked as a draft; city-wide callers only. */
    Mono<Bulletin> draftBulletin(YearMonth period, Scope scope) {
        return Mono.zip(draftView(period), source.rankingPending(period))
                .map(both -> composer.composeDraft(
                        BulletinScope.readable(scope, both.getT1()).facts(), both.getT2()));
    }

    Flux<BulletinRevision> revisions(YearMonth period) {
        return issues.revisions(period.toString())
                .map(issued -> new BulletinRevision(
                        issued.period(),
                        issued.revision(),
                        issued.documentNumber(),
                        issued.issuedAt(),
                        issued.issuedBy(),
                        issued.reason(),
                        issued.changes()));
    }

    Mono<BulletinView> revision(YearMonth period, int revision) {
        return issued(period, revision).map(BulletinIssuing::issuedView);
    }

    Mono<Bulletin> revisionBulletin(YearMonth period, int revision) {
        return issued(period, revision).map(this::render);
    }

    private Mono<IssuedRevision> issued(YearMonth period, int revision) {
        return issues.revision(period.toString(), revision)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound(
                        "the bulletin of " + period + " has no issued revision " + revision)));
    }

    /** An issued revision as a document: the bulletin, or a 更正 with the corrected bulletin in full. */
    Bulletin render(IssuedRevision issued) {
        IssuedDocument document = issued.document();
        if (document.correction() == null) {
            return composer.compose(document.facts());
        }
        return composer.composeCorrection(
                document.facts(),
                new BulletinComposer.Correction(
                        issued.revision(),
                        issued.documentNumber(),
                        document.correction().issueDate(),
                        issued.changes()));
    }

    /**
     * An operator edits the draft: validated, then a {@code BulletinEdited} decision, audited; answered with the
     * draft as it is now. After the issue, 文号, 期号 and date are those of the issued bulletin for good (409); other
     * edits go into the next 更正.
     */
    Mono<BulletinView> edit(YearMonth period, DraftEditRequest request, Caller operator) {
        String name = period.toString();
        return latest(name)
                .flatMap(latest -> {
                    if (latest.isPresent() && request.editsNumbers()) {
                        return Mono.error(ProblemException.conflict(name + " was issued as "
                                + latest.get().documentNumber()
                                + ": its 文号, 期号 and date stay as issued; a 更正 gets its own"));
                    }
                    return draftView(period);
                })
                .flatMap(draft -> {
                    var violations = request.violations(
                            period,
                            draft.facts().poorCases().stream()
                                    .map(BulletinFacts.PoorCase::caseId)
                                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
                    if (!violations.isEmpty()) {
                        return Mono.error(ProblemException.invalid("bulletin edit", violations));
                    }
                    Decision decision =
                            decisions.decide(operator, name, reasonOf(request.reason()), request.body(name));
                    return decisions
                            .record(decision)
                            .then(audit.recordLater(
                                    operator,
                                    AuditAction.BULLETIN_EDIT,
                                    AuditTargets.bulletin(name),
                                    new Edited(decision.id(), request.fields(), decision.body()),
                                    "edited " + String.join(", ", request.fields()) + " of the bulletin draft of "
                                            + name))
                            .then(draftView(period));
                });
    }

    /** What the audit trail says about an edit. */
    record Edited(String decision, List<String> fields, Object edit) {}

    /**
     * What the audit trail says about an issue.
     *
     * @param requested what the operator fixed (null fields: from the edits or the counters, today)
     */
    record Issued(
            String period,
            String decision,
            String documentNumber,
            int sequence,
            LocalDate issueDate,
            Instant issuedAt,
            IssueRequest requested,
            int phoneTop,
            int webTop,
            int poorCases) {}

    /**
     * Numbers and freezes the draft (with its edits) as a {@code BulletinIssued} decision of revision 0, raises its
     * notice and puts the issue on the audit trail; answered after all three. An explicit number beats an edited
     * one, which beats the counter.
     */
    Mono<BulletinView> issue(YearMonth period, IssueRequest request, Caller operator) {
        IssueRequest given = request == null ? new IssueRequest(null, null, null) : request;
        String name = period.toString();
        return issues.latest(name)
                .flatMap(issued -> Mono.<BulletinView>error(new AlreadyIssuedException(issued)))
                .switchIfEmpty(Mono.defer(() -> source.requireData(period)
                        .then(drafts.edits(name))
                        .flatMap(edits -> {
                            LocalDate issueDate = first(given.issueDate(), edits.issueDate(), today());
                            return Mono.zip(
                                            issues.takeNumber(
                                                    issueDate.getYear(), first(given.number(), edits.number(), null)),
                                            issues.takeSequence(first(given.sequence(), edits.sequence(), null)))
                                    .flatMap(numbers -> source.facts(
                                            period,
                                            source.issuer()
                                                    .issue(
                                                            issueDate.getYear(),
                                                            numbers.getT1(),
                                                            numbers.getT2(),
                                                            issueDate)))
                                    .map(facts -> edits.apply(facts, false));
                        })
                        .flatMap(facts -> {
                            String number =
                                    composer.documentNumber(facts.issue().number());
                            Decision decision = decisions.decide(
                                    operator,
                                    name,
                                    "",
                                    new BulletinIssued(
                                            name, 0, number, List.of(), document(new IssuedDocument(facts, null))));
                            return decisions.record(decision).then(stood(name, 0, decision));
                        })
                        .flatMap(issued ->
                                notices.emit(notice(issued, render(issued))).then(audited(issued, given, operator)))));
    }

    /**
     * Issues a 更正: the current facts with the edits, against the latest revision; 409 when nothing shows a change.
     * Revision n has its own 发文字号 and date and keeps the corrected bulletin's 文号, 期号 and date in its facts.
     */
    Mono<BulletinView> correct(YearMonth period, CorrectionRequest request, Caller operator) {
        String name = period.toString();
        LocalDate issueDate = request.issueDate() != null ? request.issueDate() : today();
        return issues.latest(name)
                .switchIfEmpty(Mono.error(() -> ProblemException.conflict(
                        name + " is not issued yet: issue it (POST …/issue); a draft needs no 更正")))
                .flatMap(latest -> drafts.edits(name)
                        .flatMap(edits -> corrected(period, edits, latest))
                        .flatMap(facts -> {
                            List<String> changed =
                                    changes.between(latest.document().facts(), facts);
                            if (changed.isEmpty()) {
                                return Mono.error(ProblemException.conflict(
                                        "nothing changed since revision " + latest.revision() + " ("
                                                + latest.documentNumber() + ") of " + name
                                                + ": a 更正 must correct something"));
                            }
                            return issues.takeNumber(issueDate.getYear(), request.number())
                                    .flatMap(n -> {
                                        BulletinFacts.DocumentNumber number = new BulletinFacts.DocumentNumber(
                                                facts.issue().number().prefix(), issueDate.getYear(), n);
                                        IssuedDocument document = new IssuedDocument(
                                                facts, new IssuedDocument.Correction(number, issueDate));
                                        Decision decision = decisions.decide(
                                                operator,
                                                name,
                                                request.reason().strip(),
                                                new BulletinIssued(
                                                        name,
                                                        latest.revision() + 1,
                                                        composer.documentNumber(number),
                                                        changed,
                                                        document(document)));
                                        return decisions
                                                .record(decision)
                                                .then(stood(name, latest.revision() + 1, decision));
                                    });
                        }))
                .flatMap(issued -> audit.recordLater(
                                operator,
                                AuditAction.BULLETIN_CORRECT,
                                AuditTargets.bulletin(name),
                                new BulletinRevision(
                                        issued.period(),
                                        issued.revision(),
                                        issued.documentNumber(),
                                        issued.issuedAt(),
                                        issued.issuedBy(),
                                        issued.reason(),
                                        issued.changes()),
                                "issued 更正 " + issued.revision() + " of the bulletin of " + name + " as "
                                        + issued.documentNumber() + " ("
                                        + issued.changes().size() + " changes)")
                        .thenReturn(issuedView(issued)));
    }

    /** The revision the projection kept; 409 when a concurrent decision issued it first. */
    private Mono<IssuedRevision> stood(String period, int revision, Decision decision) {
        return issues.revision(period, revision)
                .flatMap(issued -> issued.decision().equals(decision.id())
                        ? Mono.just(issued)
                        : Mono.error(new AlreadyIssuedException(issued)));
    }

    private Mono<BulletinView> audited(IssuedRevision issued, IssueRequest requested, Caller operator) {
        BulletinFacts facts = issued.document().facts();
        Issued change = new Issued(
                issued.period(),
                issued.decision(),
                issued.documentNumber(),
                facts.issue().sequence(),
                facts.issue().issueDate(),
                issued.issuedAt(),
                requested,
                facts.phoneTop().size(),
                facts.webTop().size(),
                facts.poorCases().size());
        return audit.recordLater(
                        operator,
                        AuditAction.BULLETIN_ISSUE,
                        AuditTargets.bulletin(issued.period()),
                        change,
                        "issued the bulletin of " + issued.period() + " as " + issued.documentNumber() + " (第"
                                + change.sequence() + "期, " + change.issueDate() + ")")
                .thenReturn(issuedView(issued));
    }

    private Mono<BulletinView> draft(YearMonth period, DraftEdits edits) {
        LocalDate issueDate = first(edits.issueDate(), null, today());
        return Mono.zip(issues.peekNumber(issueDate.getYear()), issues.peekSequence())
                .flatMap(numbers -> source.facts(
                        period,
                        source.issuer().issue(issueDate.getYear(), numbers.getT1(), numbers.getT2(), issueDate)))
                .map(facts -> edits.apply(facts, true))
                .map(facts -> new BulletinView(
                        period.toString(),
                        Status.DRAFT,
                        0,
                        composer.documentNumber(facts.issue().number()),
                        null,
                        null,
                        null,
                        List.of(),
                        facts,
                        edits.edited()));
    }

    private Mono<BulletinView> correctionDraft(YearMonth period, DraftEdits edits, IssuedRevision latest) {
        LocalDate today = today();
        return Mono.zip(corrected(period, edits, latest), issues.peekNumber(today.getYear()))
                .map(both -> new BulletinView(
                        period.toString(),
                        Status.DRAFT,
                        latest.revision() + 1,
                        composer.documentNumber(new BulletinFacts.DocumentNumber(
                                both.getT1().issue().number().prefix(), today.getYear(), both.getT2())),
                        null,
                        null,
                        null,
                        changes.between(latest.document().facts(), both.getT1()),
                        both.getT1(),
                        edits.edited()));
    }

    /** Today's facts with the edits, under the issue (文号, 期号, date) of the bulletin as issued. */
    private Mono<BulletinFacts> corrected(YearMonth period, DraftEdits edits, IssuedRevision latest) {
        return source.facts(period, latest.document().facts().issue()).map(facts -> edits.apply(facts, false));
    }

    private Mono<Optional<IssuedRevision>> latest(String period) {
        return issues.latest(period).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static BulletinView issuedView(IssuedRevision issued) {
        return new BulletinView(
                issued.period(),
                Status.ISSUED,
                issued.revision(),
                issued.documentNumber(),
                issued.issuedAt(),
                issued.issuedBy(),
                issued.reason(),
                issued.changes(),
                issued.document().facts(),
                null);
    }

    private static tools.jackson.databind.node.ObjectNode document(IssuedDocument document) {
        return EventJson.mapper().valueToTree(document);
    }

    private static Notice notice(IssuedRevision issued, Bulletin bulletin) {
        BulletinFacts facts = issued.document().facts();
        String base = "/api/v1/bulletins/" + issued.period();
        return Notice.builder(
                        NoticeType.BULLETIN_ISSUED, NoticeType.BULLETIN_ISSUED.id(issued.period()), issued.issuedAt())
                .period(issued.period())
                .title("通报印发：" + bulletin.title() + bulletin.subtitle())
                .text(issued.documentNumber() + "《" + bulletin.title() + "》" + bulletin.subtitle() + "已于"
                        + facts.issue().issueDate() + "印发，话务端“五佳”"
                        + facts.phoneTop().size() + "家，网络端“五佳”"
                        + facts.webTop().size() + "家，“较差”诉求件"
                        + facts.poorCases().size() + "件。")
                .fact("documentNumber", issued.documentNumber())
                .fact("sequence", facts.issue().sequence())
                .fact("issueDate", facts.issue().issueDate().toString())
                .fact("markdown", base + ".md")
                .fact("html", base + ".html")
                .fact("docx", base + ".docx")
                .build();
    }

    private static String reasonOf(String reason) {
        return reason == null ? "" : reason.strip();
    }

    private static <T> T first(T given, T edited, T otherwise) {
        return given != null ? given : edited != null ? edited : otherwise;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
    }
}
