package io.minxin.notice.issue;

import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.BulletinComposer;
import io.minxin.notice.bulletin.BulletinFacts;
import io.minxin.notice.notices.Notice;
import io.minxin.notice.notices.NoticeType;
import io.minxin.notice.notices.Notices;
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
    private final Clock clock;

    BulletinIssuing(
            BulletinFactsSource source,
            BulletinIssues issues,
            BulletinComposer composer,
            Notices notices,
            Clock clock) {
        this.source = source;
        this.issues = issues;
        this.composer = composer;
        this.notices = notices;
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

    Mono<Bulletin> bulletin(YearMonth period) {
        return view(period).map(view -> composer.compose(view.facts()));
    }

    /** Numbers, freezes and stores the bulletin, then raises its notice. */
    Mono<BulletinView> issue(YearMonth period, IssueRequest request) {
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
                        .flatMap(facts -> store(period, facts))));
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
