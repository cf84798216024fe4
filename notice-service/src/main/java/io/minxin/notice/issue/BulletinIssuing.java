package io.minxin.notice.issue;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Scope;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.BulletinComposer;
import io.minxin.notice.bulletin.BulletinFacts;
import io.minxin.notice.notices.Notice;
import io.minxin.notice.notices.NoticeType;
import io.minxin.notice.notices.Notices;
import io.minxin.servicekit.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The bulletin of a period: a live draft until an operator issues it, then the issued, frozen one. A period with
 * no unit metrics and no ranking has no bulletin (not-found), as a draft or to issue.
 */
@Service
class BulletinIssuing {
    private final BulletinFactsSource source;
    private final BulletinIssues issues;
    private final BulletinComposer composer;
    private final Notices notices;
    private final AuditTrail audit;
    private final Clock clock;

    BulletinIssuing(
            BulletinFactsSource source,
            BulletinIssues issues,
            BulletinComposer composer,
            Notices notices,
            AuditTrail audit,
            Clock clock) {
        this.source = source;
        this.issues = issues;
        this.composer = composer;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where a bulletin stands. */
    enum Status {
        /** Not issued: today's numbers and data, which may still change. */
        DRAFT,
        ISSUED
    }

    /** A bulletin with its facts, as the API shows it. */
    record BulletinView(String period, Status status, String documentNumber, Instant issuedAt, BulletinFacts facts) {}

    /** What an operator may fix when issuing; every field is optional. */
    record IssueRequest(Integer number, Integer sequence, LocalDate issueDate) {}

    /** Thrown when the period was issued already. */
    static final class AlreadyIssuedException extends RuntimeException {
        AlreadyIssuedException(IssuedBulletin issued) {
            super(issued.period() + " was issued already as " + issued.documentNumber());
        }
    }

    Mono<BulletinView> view(YearMonth period) {
        return issues.issued(period.toString())
                .map(issued -> new BulletinView(
                        issued.period(), Status.ISSUED, issued.documentNumber(), issued.issuedAt(), issued.facts()))
                .switchIfEmpty(Mono.defer(() -> source.requireData(period).then(draft(period))));
    }

    /** The bulletin to render, as a caller of {@code scope} may read it ({@link BulletinScope}). */
    Mono<Bulletin> bulletin(YearMonth period, Scope scope) {
        return view(period)
                .map(view ->
                        composer.compose(BulletinScope.readable(scope, view).facts()));
    }

    /**
     * What the audit trail says about an issue.
     *
     * @param requested what the operator fixed (null fields: taken from the counters, today)
     */
    record Issued(
            String period,
            String documentNumber,
            int sequence,
            LocalDate issueDate,
            Instant issuedAt,
            IssueRequest requested,
            int phoneTop,
            int webTop,
            int poorCases) {}

    /**
     * Numbers, freezes and stores the bulletin, raises its notice, and puts the issue on the audit trail; answered
     * after all three.
     */
    Mono<BulletinView> issue(YearMonth period, IssueRequest request, Caller operator) {
        IssueRequest given = request == null ? new IssueRequest(null, null, null) : request;
        LocalDate issueDate = given.issueDate() != null ? given.issueDate() : today();
        return issues.issued(period.toString())
                .flatMap(issued -> Mono.<BulletinView>error(new AlreadyIssuedException(issued)))
                .switchIfEmpty(Mono.defer(() -> source.requireData(period)
                        .then(Mono.zip(
                                issues.takeNumber(issueDate.getYear(), given.number()),
                                issues.takeSequence(given.sequence())))
                        .flatMap(numbers -> source.facts(
                                period,
                                source.issuer()
                                        .issue(issueDate.getYear(), numbers.getT1(), numbers.getT2(), issueDate)))
                        .flatMap(facts -> store(period, facts))
                        .flatMap(view -> audited(view, given, operator))));
    }

    private Mono<BulletinView> audited(BulletinView view, IssueRequest requested, Caller operator) {
        BulletinFacts facts = view.facts();
        Issued issued = new Issued(
                view.period(),
                view.documentNumber(),
                facts.issue().sequence(),
                facts.issue().issueDate(),
                view.issuedAt(),
                requested,
                facts.phoneTop().size(),
                facts.webTop().size(),
                facts.poorCases().size());
        return audit.recordLater(
                        operator,
                        AuditAction.BULLETIN_ISSUE,
                        AuditTargets.bulletin(view.period()),
                        issued,
                        "issued the bulletin of " + view.period() + " as " + view.documentNumber() + " (第"
                                + issued.sequence() + "期, " + issued.issueDate() + ")")
                .thenReturn(view);
    }

    private Mono<BulletinView> store(YearMonth period, BulletinFacts facts) {
        Bulletin bulletin = composer.compose(facts);
        IssuedBulletin issued =
                new IssuedBulletin(period.toString(), bulletin.masthead().documentNumber(), clock.instant(), facts);
        return issues.store(issued).flatMap(stored -> {
            if (!stored) {
                return issues.issued(period.toString())
                        .flatMap(existing -> Mono.<BulletinView>error(new AlreadyIssuedException(existing)));
            }
            return notices.emit(notice(issued, bulletin))
                    .thenReturn(new BulletinView(
                            issued.period(), Status.ISSUED, issued.documentNumber(), issued.issuedAt(), facts));
        });
    }

    private Mono<BulletinView> draft(YearMonth period) {
        LocalDate today = today();
        return Mono.zip(issues.peekNumber(today.getYear()), issues.peekSequence())
                .flatMap(numbers -> source.facts(
                        period, source.issuer().issue(today.getYear(), numbers.getT1(), numbers.getT2(), today)))
                .map(facts -> {
                    String number = composer.compose(facts).masthead().documentNumber();
                    return new BulletinView(period.toString(), Status.DRAFT, number, null, facts);
                });
    }

    private static Notice notice(IssuedBulletin issued, Bulletin bulletin) {
        BulletinFacts facts = issued.facts();
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

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
    }
}
