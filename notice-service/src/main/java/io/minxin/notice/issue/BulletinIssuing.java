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
import io.minxin.servicekit.registry.UnitRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bulletin of a period as decisions: a live draft with the operators' edits ({@code BulletinEdited}) until an
 * operator issues it ({@code BulletinIssued} revision 0, the facts frozen in the decision), then the latest issued
 * revision; a 更正 is revision n, frozen likewise, with what changed. Edits made after the issue go into the next
 * 更正. A period with no unit metrics and no ranking has no bulletin (not-found), as a draft or to issue. Each
 * jurisdiction (of the unit registry) has a bulletin of its own beside the platform's (jurisdiction null): drafted,
 * edited, issued, numbered and corrected apart, by the decisions that name it.
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
    private final UnitRegistry registry;

    /** Bulletins of the platform only: no jurisdiction is known. */
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
        this(source, issues, drafts, composer, changes, decisions, notices, audit, clock, new UnitRegistry(clock));
    }

    @Autowired
    BulletinIssuing(
            BulletinFactsSource source,
            BulletinIssues issues,
            BulletinDrafts drafts,
            BulletinComposer composer,
            BulletinChanges changes,
            DecisionLog decisions,
            Notices notices,
            AuditTrail audit,
            Clock clock,
            UnitRegistry registry) {
        this.source = source;
        this.issues = issues;
        this.drafts = drafts;
        this.composer = composer;
        this.changes = changes;
        this.decisions = decisions;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
        this.registry = registry;
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
     * @param jurisdiction whose bulletin it is; null for the platform's
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
            Map<String, DraftEdits.Edit> edits,
            String jurisdiction) {

        /** A view of the platform's bulletin. */
        BulletinView(
                String period,
                Status status,
                int revision,
                String documentNumber,
                Instant issuedAt,
                String issuedBy,
                String reason,
                List<String> changes,
                BulletinFacts facts,
                Map<String, DraftEdits.Edit> edits) {
            this(period, status, revision, documentNumber, issuedAt, issuedBy, reason, changes, facts, edits, null);
        }
    }

    /** What an operator may fix when issuing; every field is optional. */
    record IssueRequest(Integer number, Integer sequence, LocalDate issueDate) {}

    /**
     * A 更正: why (required), and optionally its own 发文字号 n and date (else the next number of the year, today).
     */
    record CorrectionRequest(String reason, Integer number, LocalDate issueDate) {}

    /** Thrown when the period was issued already. */
    static final class AlreadyIssuedException extends RuntimeException {
        AlreadyIssuedException(IssuedRevision issued) {
            super(issued.period() + (issued.jurisdiction() == null ? "" : " of " + issued.jurisdiction())
                    + " was issued already as " + issued.documentNumber());
        }
    }

    /**
     * The jurisdiction a caller of {@code scope} asks for ({@code asked}, absent or blank: none, the platform's
     * bulletin): 403 for another jurisdiction than its own ({@link BulletinScope#reachable}), then 404 for one no
     * unit registration names ({@link UnitRegistry#require}).
     */
    String jurisdiction(Scope scope, String asked) {
        String jurisdiction = asked == null || asked.isBlank() ? null : asked.strip();
        BulletinScope.reachable(scope, jurisdiction);
        registry.require(jurisdiction);
        return jurisdiction;
    }

    /** The latest issued revision, else the draft, as a caller of {@code scope} may read it. */
    Mono<BulletinView> view(YearMonth period, String jurisdiction, Scope scope) {
        return issues.latest(period.toString(), jurisdiction)
                .map(BulletinIssuing::issuedView)
                .switchIfEmpty(Mono.defer(() -> draftView(period, jurisdiction)))
                .map(view -> readable(scope, view));
    }

    /** The draft as a caller of {@code scope} may read it. */
    Mono<BulletinView> draftView(YearMonth period, String jurisdiction, Scope scope) {
        return draftView(period, jurisdiction).map(view -> readable(scope, view));
    }

    /** The draft: before the issue the bulletin to be, after it the next 更正 to be (as far as it shows). */
    private Mono<BulletinView> draftView(YearMonth period, String jurisdiction) {
        String name = period.toString();
        return source.requireData(period)
                .then(Mono.zip(drafts.edits(name, jurisdiction), latest(name, jurisdiction)))
                .flatMap(both -> both.getT2().isPresent()
                        ? correctionDraft(
                                period, jurisdiction, both.getT1(), both.getT2().get())
                        : draft(period, jurisdiction, both.getT1()));
    }

    /** The bulletin to render, as a caller of {@code scope} may read it ({@link BulletinScope}). */
    Mono<Bulletin> bulletin(YearMonth period, String jurisdiction, Scope scope) {
        return issues.latest(period.toString(), jurisdiction)
                .map(issued -> render(readable(scope, issued)))
                .switchIfEmpty(Mono.defer(() -> draftBulletin(period, jurisdiction, scope)));
    }

    /** The draft rendered, every page marked as a draft; city-wide callers (and the jurisdiction's) only. */
    Mono<Bulletin> draftBulletin(YearMonth period, String jurisdiction, Scope scope) {
        return Mono.zip(draftView(period, jurisdiction, scope), source.rankingPending(period))
                .map(both -> composer.composeDraft(both.getT1().facts(), both.getT2()));
    }

    Flux<BulletinRevision> revisions(YearMonth period, String jurisdiction, Scope scope) {
        BulletinScope.readableIssued(scope, jurisdiction, registry);
        return issues.revisions(period.toString(), jurisdiction)
                .map(issued -> new BulletinRevision(
                        issued.period(),
                        issued.revision(),
                        issued.documentNumber(),
                        issued.issuedAt(),
                        issued.issuedBy(),
                        issued.reason(),
                        issued.changes(),
                        issued.jurisdiction()));
    }

    Mono<BulletinView> revision(YearMonth period, String jurisdiction, int revision, Scope scope) {
        return issued(period, jurisdiction, revision).map(issued -> issuedView(readable(scope, issued)));
    }

    Mono<Bulletin> revisionBulletin(YearMonth period, String jurisdiction, int revision, Scope scope) {
        return issued(period, jurisdiction, revision).map(issued -> render(readable(scope, issued)));
    }

    private Mono<IssuedRevision> issued(YearMonth period, String jurisdiction, int revision) {
        return issues.revision(period.toString(), jurisdiction, revision)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("the bulletin of " + period
                        + (jurisdiction == null ? "" : " of " + jurisdiction) + " has no issued revision "
                        + revision)));
    }

    private BulletinView readable(Scope scope, BulletinView view) {
        return BulletinScope.readable(scope, view, registry);
    }

    private IssuedRevision readable(Scope scope, IssuedRevision issued) {
        BulletinScope.readableIssued(scope, issued.jurisdiction(), registry);
        return issued;
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
    Mono<BulletinView> edit(YearMonth period, String jurisdiction, DraftEditRequest request, Caller operator) {
        BulletinScope.writable(operator.scope(), jurisdiction);
        String name = period.toString();
        return latest(name, jurisdiction)
                .flatMap(latest -> {
                    if (latest.isPresent() && request.editsNumbers()) {
                        return Mono.error(ProblemException.conflict(name + " was issued as "
                                + latest.get().documentNumber()
                                + ": its 文号, 期号 and date stay as issued; a 更正 gets its own"));
                    }
                    return draftView(period, jurisdiction);
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
                    Decision decision = decisions.decide(
                            operator, name, reasonOf(request.reason()), request.body(name, jurisdiction));
                    return decisions
                            .record(decision)
                            .then(audit.recordLater(
                                    operator,
                                    AuditAction.BULLETIN_EDIT,
                                    target(name, jurisdiction),
                                    new Edited(decision.id(), request.fields(), decision.body()),
                                    "edited " + String.join(", ", request.fields()) + " of the bulletin draft of "
                                            + name + of(jurisdiction)))
                            .then(draftView(period, jurisdiction));
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
    Mono<BulletinView> issue(YearMonth period, String jurisdiction, IssueRequest request, Caller operator) {
        BulletinScope.writable(operator.scope(), jurisdiction);
        IssueRequest given = request == null ? new IssueRequest(null, null, null) : request;
        String name = period.toString();
        return issues.latest(name, jurisdiction)
                .flatMap(issued -> Mono.<BulletinView>error(new AlreadyIssuedException(issued)))
                .switchIfEmpty(Mono.defer(() -> source.requireData(period)
                        .then(drafts.edits(name, jurisdiction))
                        .flatMap(edits -> {
                            LocalDate issueDate = first(given.issueDate(), edits.issueDate(), today());
                            return Mono.zip(
                                            issues.takeNumber(
                                                    jurisdiction,
                                                    issueDate.getYear(),
                                                    first(given.number(), edits.number(), null)),
                                            issues.takeSequence(
                                                    jurisdiction, first(given.sequence(), edits.sequence(), null)))
                                    .flatMap(numbers -> facts(
                                            period,
                                            jurisdiction,
                                            issue(
                                                    period,
                                                    jurisdiction,
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
                                            name,
                                            0,
                                            number,
                                            List.of(),
                                            document(new IssuedDocument(facts, null)),
                                            jurisdiction));
                            return decisions.record(decision).then(stood(name, jurisdiction, 0, decision));
                        })
                        .flatMap(issued ->
                                notices.emit(notice(issued, render(issued))).then(audited(issued, given, operator)))));
    }

    /**
     * Issues a 更正: the current facts with the edits, against the latest revision; 409 when nothing shows a change.
     * Revision n has its own 发文字号 and date and keeps the corrected bulletin's 文号, 期号 and date in its facts.
     */
    Mono<BulletinView> correct(YearMonth period, String jurisdiction, CorrectionRequest request, Caller operator) {
        BulletinScope.writable(operator.scope(), jurisdiction);
        String name = period.toString();
        LocalDate issueDate = request.issueDate() != null ? request.issueDate() : today();
        return issues.latest(name, jurisdiction)
                .switchIfEmpty(Mono.error(() -> ProblemException.conflict(
                        name + of(jurisdiction) + " is not issued yet: issue it (POST …/issue); a draft needs no 更正")))
                .flatMap(latest -> drafts.edits(name, jurisdiction)
                        .flatMap(edits -> corrected(period, jurisdiction, edits, latest))
                        .flatMap(facts -> {
                            List<String> changed =
                                    changes.between(latest.document().facts(), facts);
                            if (changed.isEmpty()) {
                                return Mono.error(ProblemException.conflict(
                                        "nothing changed since revision " + latest.revision() + " ("
                                                + latest.documentNumber() + ") of " + name
                                                + ": a 更正 must correct something"));
                            }
                            return issues.takeNumber(jurisdiction, issueDate.getYear(), request.number())
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
                                                        document(document),
                                                        jurisdiction));
                                        return decisions
                                                .record(decision)
                                                .then(stood(name, jurisdiction, latest.revision() + 1, decision));
                                    });
                        }))
                .flatMap(issued -> audit.recordLater(
                                operator,
                                AuditAction.BULLETIN_CORRECT,
                                target(name, jurisdiction),
                                new BulletinRevision(
                                        issued.period(),
                                        issued.revision(),
                                        issued.documentNumber(),
                                        issued.issuedAt(),
                                        issued.issuedBy(),
                                        issued.reason(),
                                        issued.changes(),
                                        issued.jurisdiction()),
                                "issued 更正 " + issued.revision() + " of the bulletin of " + name + of(jurisdiction)
                                        + " as "
                                        + issued.documentNumber() + " ("
                                        + issued.changes().size() + " changes)")
                        .thenReturn(issuedView(issued)));
    }

    /** The revision the projection kept; 409 when a concurrent decision issued it first. */
    private Mono<IssuedRevision> stood(String period, String jurisdiction, int revision, Decision decision) {
        return issues.revision(period, jurisdiction, revision)
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
                        target(issued.period(), issued.jurisdiction()),
                        change,
                        "issued the bulletin of " + issued.period() + of(issued.jurisdiction()) + " as "
                                + issued.documentNumber() + " (第" + change.sequence() + "期, " + change.issueDate()
                                + ")")
                .thenReturn(issuedView(issued));
    }

    private Mono<BulletinView> draft(YearMonth period, String jurisdiction, DraftEdits edits) {
        LocalDate issueDate = first(edits.issueDate(), null, today());
        return Mono.zip(issues.peekNumber(jurisdiction, issueDate.getYear()), issues.peekSequence(jurisdiction))
                .flatMap(numbers -> facts(
                        period,
                        jurisdiction,
                        issue(period, jurisdiction, issueDate.getYear(), numbers.getT1(), numbers.getT2(), issueDate)))
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
                        edits.edited(),
                        jurisdiction));
    }

    private Mono<BulletinView> correctionDraft(
            YearMonth period, String jurisdiction, DraftEdits edits, IssuedRevision latest) {
        LocalDate today = today();
        return Mono.zip(
                        corrected(period, jurisdiction, edits, latest),
                        issues.peekNumber(jurisdiction, today.getYear()))
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
                        edits.edited(),
                        jurisdiction));
    }

    /** Today's facts with the edits, under the issue (文号, 期号, date) of the bulletin as issued. */
    private Mono<BulletinFacts> corrected(
            YearMonth period, String jurisdiction, DraftEdits edits, IssuedRevision latest) {
        return facts(period, jurisdiction, latest.document().facts().issue()).map(facts -> edits.apply(facts, false));
    }

    /** The facts of the platform's bulletin as before, of a jurisdiction's of its units. */
    private Mono<BulletinFacts> facts(YearMonth period, String jurisdiction, BulletinFacts.Issue issue) {
        return jurisdiction == null ? source.facts(period, issue) : source.facts(period, issue, jurisdiction);
    }

    private BulletinFacts.Issue issue(
            YearMonth period, String jurisdiction, int year, int number, int sequence, LocalDate issueDate) {
        return jurisdiction == null
                ? source.issuer().issue(year, number, sequence, issueDate)
                : source.issue(period, jurisdiction, year, number, sequence, issueDate);
    }

    private Mono<Optional<IssuedRevision>> latest(String period, String jurisdiction) {
        return issues.latest(period, jurisdiction).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /** The audit trail's target: {@code bulletin:<period>}, a jurisdiction's {@code bulletin:<period>|<id>}. */
    private static String target(String period, String jurisdiction) {
        return AuditTargets.bulletin(jurisdiction == null ? period : period + "|" + jurisdiction);
    }

    /** " of <jurisdiction>" in a message about a jurisdiction's bulletin, nothing about the platform's. */
    private static String of(String jurisdiction) {
        return jurisdiction == null ? "" : " of " + jurisdiction;
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
                null,
                issued.jurisdiction());
    }

    private static tools.jackson.databind.node.ObjectNode document(IssuedDocument document) {
        return EventJson.mapper().valueToTree(document);
    }

    private static Notice notice(IssuedRevision issued, Bulletin bulletin) {
        BulletinFacts facts = issued.document().facts();
        String base = "/api/v1/bulletins/" + issued.period();
        String query = issued.jurisdiction() == null ? "" : "?jurisdiction=" + issued.jurisdiction();
        String id = issued.jurisdiction() == null
                ? NoticeType.BULLETIN_ISSUED.id(issued.period())
                : NoticeType.BULLETIN_ISSUED.id(issued.period(), issued.jurisdiction());
        Notice.Builder notice = Notice.builder(NoticeType.BULLETIN_ISSUED, id, issued.issuedAt())
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
                .fact("markdown", base + ".md" + query)
                .fact("html", base + ".html" + query)
                .fact("docx", base + ".docx" + query);
        return (issued.jurisdiction() == null ? notice : notice.fact("jurisdiction", issued.jurisdiction())).build();
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
