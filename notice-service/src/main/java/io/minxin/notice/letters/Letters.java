package io.minxin.notice.letters;

import io.minxin.events.audit.AuditAction;
import io.minxin.events.audit.AuditTargets;
import io.minxin.events.decision.LetterAcknowledged;
import io.minxin.events.identity.Caller;
import io.minxin.events.identity.Scope;
import io.minxin.events.notice.Letter;
import io.minxin.events.notice.Letter.Acknowledgement;
import io.minxin.events.notice.Letter.Status;
import io.minxin.events.notice.Notice;
import io.minxin.events.notice.NoticeType;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.decisions.DecisionLog;
import io.minxin.notice.notices.Notices;
import io.minxin.servicekit.audit.AuditTrail;
import io.minxin.servicekit.problem.ProblemException;
import io.minxin.servicekit.scope.UnitAccess;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 提示函: each {@code DUTY_LETTER} notice is a letter, issued when the duty check raised it, acknowledged by its
 * unit through a {@link LetterAcknowledged} decision.
 *
 * <p>A letter's 发文字号 is derived, not counted: its number is its place among the year's letters in the order the
 * duty check raised them (by the time of the missed day that raised it, then by unit). The check judges the days
 * in order, so a letter's place never changes once it is raised, a replay into an empty service gives every
 * letter the same number, and no counter has to be stored, raced for or taken back.
 */
final class Letters {
    /** More letters than a year of every unit missing every month. */
    private static final int ALL = 5000;

    private final Notices notices;
    private final Acknowledgements acknowledgements;
    private final LetterComposer composer;
    private final DecisionLog decisions;
    private final AuditTrail audit;
    private final UnitAccess access;

    Letters(
            Notices notices,
            Acknowledgements acknowledgements,
            LetterComposer composer,
            DecisionLog decisions,
            AuditTrail audit,
            UnitAccess access) {
        this.notices = notices;
        this.acknowledgements = acknowledgements;
        this.composer = composer;
        this.decisions = decisions;
        this.audit = audit;
        this.access = access;
    }

    /** A letter with its number, ready to show or render. */
    record Numbered(DutyLetter letter, int number) {}

    /** The letters the caller's scope covers, oldest first; each filter optional. */
    Flux<Letter> find(Scope scope, String period, String unitId, Boolean acknowledged) {
        if (unitId != null) {
            access.require(scope, unitId);
        }
        return Mono.zip(numbered(), acknowledgements.all())
                .flatMapMany(all -> Flux.fromIterable(all.getT1())
                        .filter(n -> access.covers(scope, n.letter().unitId()))
                        .filter(n ->
                                period == null || n.letter().month().toString().equals(period))
                        .filter(n -> unitId == null || unitId.equals(n.letter().unitId()))
                        .map(n -> view(n, all.getT2().get(n.letter().noticeId())))
                        .filter(view ->
                                acknowledged == null || acknowledged == (view.status() == Status.ACKNOWLEDGED)));
    }

    /** One letter (403 for a unit outside the scope, 404 when the unit has no letter that month). */
    Mono<Letter> one(Scope scope, String unitId, YearMonth month) {
        return letter(scope, unitId, month)
                .flatMap(n -> acknowledgements
                        .of(n.letter().noticeId())
                        .map(ack -> view(n, ack))
                        .defaultIfEmpty(view(n, null)));
    }

    /** One letter as a 公文. */
    Mono<Bulletin> document(Scope scope, String unitId, YearMonth month) {
        return letter(scope, unitId, month).map(n -> composer.compose(n.letter(), n.number()));
    }

    /**
     * The unit acknowledges its letter: only a key scoped to that very unit may (403), once (409); the decision is on
     * the event log and applied, then audited, before the answer.
     */
    Mono<Letter> acknowledge(Caller caller, String unitId, YearMonth month, String reply) {
        Scope scope = caller.scope();
        if (scope.kind() != Scope.Kind.UNIT || !scope.id().equals(unitId)) {
            return Mono.error(UnitAccess.forbidden(
                    scope,
                    "acknowledging the 提示函 of unit " + unitId + ": only a key of that unit (scope unit:" + unitId
                            + ") acknowledges it"));
        }
        return letter(scope, unitId, month)
                .flatMap(n -> acknowledgements
                        .of(n.letter().noticeId())
                        .flatMap(existing -> Mono.<Letter>error(ProblemException.conflict(
                                "the 提示函 " + n.letter().noticeId() + " was acknowledged already, at " + existing.at())))
                        .switchIfEmpty(Mono.defer(() -> record(caller, n, reply))));
    }

    private Mono<Letter> record(Caller caller, Numbered n, String reply) {
        DutyLetter letter = n.letter();
        var decision = decisions.decide(
                caller, letter.month().toString(), reply, new LetterAcknowledged(letter.noticeId(), letter.unitId()));
        return decisions
                .record(decision)
                .then(audit.recordLater(
                        caller,
                        AuditAction.LETTER_ACKNOWLEDGE,
                        AuditTargets.letter(letter.noticeId()),
                        decision,
                        letter.unitName() + " acknowledged the 提示函 " + composer.documentNumber(letter, n.number())))
                .then(acknowledgements.of(letter.noticeId()))
                .map(ack -> view(n, ack));
    }

    private Mono<Numbered> letter(Scope scope, String unitId, YearMonth month) {
        access.require(scope, unitId);
        String id = NoticeType.DUTY_LETTER.id(unitId, month);
        return numbered()
                .flatMapMany(Flux::fromIterable)
                .filter(n -> n.letter().noticeId().equals(id))
                .next()
                .switchIfEmpty(Mono.error(
                        ProblemException.notFound("no 提示函 to " + unitId + " for " + month + " (" + id + ")")));
    }

    /** Every letter, numbered within its year in the order they were raised. */
    private Mono<List<Numbered>> numbered() {
        return notices.find(NoticeType.DUTY_LETTER, null, null, ALL)
                .collectList()
                .map(Letters::number);
    }

    static List<Numbered> number(List<Notice> raised) {
        List<Numbered> numbered = new ArrayList<>();
        Map<Integer, Integer> perYear = new java.util.HashMap<>();
        // the store gives them oldest fact first, then by id: the order the duty check raised them
        for (Notice notice : raised) {
            DutyLetter letter = DutyLetter.of(notice);
            int number = perYear.merge(letter.month().getYear(), 1, Integer::sum);
            numbered.add(new Numbered(letter, number));
        }
        return numbered;
    }

    private Letter view(Numbered n, Acknowledgement acknowledgement) {
        DutyLetter letter = n.letter();
        String base = "/api/v1/letters/" + letter.unitId() + "/" + letter.month();
        return new Letter(
                letter.noticeId(),
                letter.unitId(),
                letter.unitName(),
                letter.month().toString(),
                composer.documentNumber(letter, n.number()),
                letter.issueDate(),
                letter.missedDays(),
                acknowledgement == null ? Status.ISSUED : Status.ACKNOWLEDGED,
                acknowledgement,
                base + ".html",
                base + ".docx");
    }
}
