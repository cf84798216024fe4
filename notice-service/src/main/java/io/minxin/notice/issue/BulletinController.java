package io.minxin.notice.issue;

import io.minxin.events.identity.Caller;
import io.minxin.events.notice.BulletinRevision;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.BulletinRenderer;
import io.minxin.notice.issue.BulletinIssuing.AlreadyIssuedException;
import io.minxin.notice.issue.BulletinIssuing.BulletinView;
import io.minxin.notice.issue.BulletinIssuing.CorrectionRequest;
import io.minxin.notice.issue.BulletinIssuing.IssueRequest;
import io.minxin.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The monthly bulletin (通报): its facts as JSON, rendered as Markdown, HTML or DOCX; its draft, edited; issuing it
 * and its 更正; every issued revision. An issued bulletin is read by every caller, a draft by city-wide callers only
 * ({@link BulletinScope}). Every endpoint takes an optional {@code jurisdiction} (as metrics-, ranking- and the
 * notices' endpoints do): that jurisdiction's own bulletin; without it the platform's.
 */
@RestController
@RequestMapping("/api/v1/bulletins")
class BulletinController {
    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final BulletinIssuing issuing;
    private final BulletinRenderer renderer;

    BulletinController(BulletinIssuing issuing, BulletinRenderer renderer) {
        this.issuing = issuing;
        this.renderer = renderer;
    }

    private static final String PERIOD = "/{period:\\d{4}-\\d{2}}";
    private static final String REVISION = PERIOD + "/revisions/{revision:\\d{1,6}}";

    @GetMapping(value = PERIOD, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The bulletin's facts: the latest issued revision, or the live draft (status DRAFT)")
    Mono<BulletinView> facts(
            @PathVariable String period, @RequestParam(required = false) String jurisdiction, Caller caller) {
        YearMonth month = period(period);
        return issuing.view(month, issuing.jurisdiction(caller.scope(), jurisdiction), caller.scope());
    }

    @GetMapping(PERIOD + ".md")
    @Operation(summary = "The bulletin as Markdown (the latest issued revision, or the draft)")
    Mono<ResponseEntity<byte[]>> markdown(
            @PathVariable String period, @RequestParam(required = false) String jurisdiction, Caller caller) {
        return document(period, jurisdiction, caller, Format.MARKDOWN);
    }

    @GetMapping(PERIOD + ".html")
    @Operation(summary = "The bulletin as a printable HTML page (the latest issued revision, or the draft)")
    Mono<ResponseEntity<byte[]>> html(
            @PathVariable String period, @RequestParam(required = false) String jurisdiction, Caller caller) {
        return document(period, jurisdiction, caller, Format.HTML);
    }

    @GetMapping(PERIOD + ".docx")
    @Operation(summary = "The bulletin as a Word document in 公文 layout (the latest issued revision, or the draft)")
    Mono<ResponseEntity<byte[]>> docx(
            @PathVariable String period, @RequestParam(required = false) String jurisdiction, Caller caller) {
        return document(period, jurisdiction, caller, Format.DOCX);
    }

    @GetMapping(value = PERIOD + "/draft", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The draft with the operators' edits and who made them; after the issue, the next 更正 to be"
                    + " with what it would change (city-wide callers)")
    Mono<BulletinView> draft(
            @PathVariable String period, @RequestParam(required = false) String jurisdiction, Caller caller) {
        YearMonth month = period(period);
        return issuing.draftView(month, issuing.jurisdiction(caller.scope(), jurisdiction), caller.scope());
    }

    @GetMapping(PERIOD + "/draft.{format:md|html|docx}")
    @Operation(summary = "The draft rendered, every page marked 草稿 (city-wide callers)")
    Mono<ResponseEntity<byte[]>> draftDocument(
            @PathVariable String period,
            @PathVariable String format,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        YearMonth month = period(period);
        String district = issuing.jurisdiction(caller.scope(), jurisdiction);
        return rendered(
                issuing.draftBulletin(month, district, caller.scope()),
                Format.of(format),
                filename(period, district) + "-draft");
    }

    @PatchMapping(value = PERIOD + "/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Edit the draft: 签发人, number, sequence, issueDate, office, issuingOffice, reportTo, sendTo,"
                    + " requirements, explanations (a BulletinEdited decision; operator). After the issue the edits"
                    + " go into the next 更正; number, sequence and issueDate then answer 409")
    Mono<BulletinView> edit(
            @PathVariable String period,
            @RequestParam(required = false) String jurisdiction,
            @RequestBody DraftEditRequest request,
            Caller caller) {
        YearMonth month = period(period);
        return issuing.edit(month, issuing.jurisdiction(caller.scope(), jurisdiction), request, caller);
    }

    /** The latest issued revision, else the draft, rendered. */
    private Mono<ResponseEntity<byte[]>> document(String period, String jurisdiction, Caller caller, Format format) {
        YearMonth month = period(period);
        String district = issuing.jurisdiction(caller.scope(), jurisdiction);
        return rendered(issuing.bulletin(month, district, caller.scope()), format, filename(period, district));
    }

    /** {@code bulletin-<period>}, a jurisdiction's {@code bulletin-<period>-<jurisdiction>}. */
    private static String filename(String period, String jurisdiction) {
        return "bulletin-" + period + (jurisdiction == null ? "" : "-" + jurisdiction);
    }

    /** The location of a bulletin's resource: {@code path} and, for a jurisdiction's, its query. */
    private static URI location(String path, String jurisdiction) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("jurisdiction", Optional.ofNullable(jurisdiction))
                .encode()
                .build()
                .toUri();
    }

    @PostMapping(PERIOD + "/issue")
    @Operation(
            summary = "Number, freeze and issue the draft as revision 0 (a BulletinIssued decision); raises a"
                    + " BULLETIN_ISSUED notice (operator)")
    Mono<ResponseEntity<BulletinView>> issue(
            @PathVariable String period,
            @RequestParam(required = false) String jurisdiction,
            @RequestBody(required = false) IssueRequest request,
            Caller caller) {
        if (request != null && request.number() != null && request.number() < 1) {
            return Mono.error(ProblemException.invalid("number", "must be 1 or more"));
        }
        if (request != null && request.sequence() != null && request.sequence() < 1) {
            return Mono.error(ProblemException.invalid("sequence", "must be 1 or more"));
        }
        YearMonth month = period(period);
        String district = issuing.jurisdiction(caller.scope(), jurisdiction);
        return issuing.issue(month, district, request, caller)
                .map(view -> ResponseEntity.created(location("/api/v1/bulletins/" + period, district))
                        .body(view))
                .onErrorMap(AlreadyIssuedException.class, e -> ProblemException.conflict(e.getMessage()));
    }

    @PostMapping(PERIOD + "/corrections")
    @Operation(
            summary = "Issue a 更正 of the issued bulletin: today's facts with the edits, what changed against the"
                    + " latest revision; 409 when nothing changed or not issued (operator)")
    Mono<ResponseEntity<BulletinView>> correct(
            @PathVariable String period,
            @RequestParam(required = false) String jurisdiction,
            @RequestBody CorrectionRequest request,
            Caller caller) {
        if (request.reason() == null || request.reason().isBlank()) {
            return Mono.error(ProblemException.invalid("reason", "must say why the bulletin is corrected"));
        }
        if (request.reason().length() > DraftEditRequest.MAX_TEXT) {
            return Mono.error(
                    ProblemException.invalid("reason", "must be at most " + DraftEditRequest.MAX_TEXT + " characters"));
        }
        if (request.number() != null && request.number() < 1) {
            return Mono.error(ProblemException.invalid("number", "must be 1 or more"));
        }
        YearMonth month = period(period);
        String district = issuing.jurisdiction(caller.scope(), jurisdiction);
        return issuing.correct(month, district, request, caller)
                .map(view -> ResponseEntity.created(
                                location("/api/v1/bulletins/" + period + "/revisions/" + view.revision(), district))
                        .body(view))
                .onErrorMap(AlreadyIssuedException.class, e -> ProblemException.conflict(e.getMessage()));
    }

    @GetMapping(value = PERIOD + "/revisions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The issued revisions: 0 the bulletin, n its n-th 更正, with what each changed")
    Flux<BulletinRevision> revisions(
            @PathVariable String period, @RequestParam(required = false) String jurisdiction, Caller caller) {
        YearMonth month = period(period);
        return issuing.revisions(month, issuing.jurisdiction(caller.scope(), jurisdiction), caller.scope());
    }

    @GetMapping(value = REVISION, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One issued revision with its frozen facts")
    Mono<BulletinView> revision(
            @PathVariable String period,
            @PathVariable int revision,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        YearMonth month = period(period);
        return issuing.revision(month, issuing.jurisdiction(caller.scope(), jurisdiction), revision, caller.scope());
    }

    @GetMapping(REVISION + ".{format:md|html|docx}")
    @Operation(summary = "One issued revision rendered: the bulletin, or a 更正 with the corrected bulletin in full")
    Mono<ResponseEntity<byte[]>> revisionDocument(
            @PathVariable String period,
            @PathVariable int revision,
            @PathVariable String format,
            @RequestParam(required = false) String jurisdiction,
            Caller caller) {
        YearMonth month = period(period);
        String district = issuing.jurisdiction(caller.scope(), jurisdiction);
        return rendered(
                issuing.revisionBulletin(month, district, revision, caller.scope()),
                Format.of(format),
                filename(period, district) + "-" + revision);
    }

    /** The formats a bulletin is rendered in. */
    private enum Format {
        MARKDOWN,
        HTML,
        DOCX;

        static Format of(String extension) {
            return switch (extension) {
                case "md" -> MARKDOWN;
                case "html" -> HTML;
                default -> DOCX;
            };
        }
    }

    private Mono<ResponseEntity<byte[]>> rendered(Mono<Bulletin> bulletin, Format format, String filename) {
        // rendering (a DOCX with Apache POI above all) must not hold the MongoDB driver's thread that delivered the
        // facts, which every other query of the service waits on
        return bulletin.publishOn(Schedulers.boundedElastic()).map(document -> switch (format) {
            case MARKDOWN ->
                ResponseEntity.ok()
                        .contentType(MARKDOWN)
                        .body(renderer.markdown(document).getBytes(StandardCharsets.UTF_8));
            case HTML ->
                ResponseEntity.ok()
                        .contentType(HTML)
                        .body(renderer.html(document).getBytes(StandardCharsets.UTF_8));
            case DOCX ->
                ResponseEntity.ok()
                        .contentType(DOCX)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(filename + ".docx")
                                        .build()
                                        .toString())
                        .body(renderer.docx(document));
        });
    }

    private static YearMonth period(String name) {
        try {
            return YearMonth.parse(name);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("period", "must be a period YYYY-MM, e.g. 2020-09, was " + name);
        }
    }
}
