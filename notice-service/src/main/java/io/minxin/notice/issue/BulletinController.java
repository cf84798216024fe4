package io.minxin.notice.issue;

import io.minxin.events.identity.Caller;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.BulletinRenderer;
import io.minxin.notice.issue.BulletinIssuing.AlreadyIssuedException;
import io.minxin.notice.issue.BulletinIssuing.BulletinView;
import io.minxin.notice.issue.BulletinIssuing.IssueRequest;
import io.minxin.servicekit.problem.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The monthly bulletin (通报): its facts as JSON, rendered as Markdown, HTML or DOCX, and issuing it. An issued
 * bulletin is read by every caller, a draft by city-wide callers only ({@link BulletinScope}).
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

    @GetMapping(value = "/{period:\\d{4}-\\d{2}}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The bulletin's facts: the issued one, or a live draft (status DRAFT)")
    Mono<BulletinView> facts(@PathVariable String period, Caller caller) {
        return issuing.view(period(period)).map(view -> BulletinScope.readable(caller.scope(), view));
    }

    @GetMapping("/{period:\\d{4}-\\d{2}}.md")
    @Operation(summary = "The bulletin as Markdown")
    Mono<ResponseEntity<String>> markdown(@PathVariable String period, Caller caller) {
        return rendering(period, caller)
                .map(bulletin -> ResponseEntity.ok().contentType(MARKDOWN).body(renderer.markdown(bulletin)));
    }

    @GetMapping("/{period:\\d{4}-\\d{2}}.html")
    @Operation(summary = "The bulletin as a printable HTML page")
    Mono<ResponseEntity<String>> html(@PathVariable String period, Caller caller) {
        return rendering(period, caller)
                .map(bulletin -> ResponseEntity.ok().contentType(HTML).body(renderer.html(bulletin)));
    }

    @GetMapping("/{period:\\d{4}-\\d{2}}.docx")
    @Operation(summary = "The bulletin as a Word document in 公文 layout")
    Mono<ResponseEntity<byte[]>> docx(@PathVariable String period, Caller caller) {
        return rendering(period, caller)
                .map(bulletin -> ResponseEntity.ok()
                        .contentType(DOCX)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename("bulletin-" + period + ".docx")
                                        .build()
                                        .toString())
                        .body(renderer.docx(bulletin)));
    }

    /**
     * The bulletin, handed on on a thread that may take its time: rendering (a DOCX with Apache POI above all) must
     * not hold the MongoDB driver's thread that delivered the facts, which every other query of the service waits on.
     */
    private Mono<Bulletin> rendering(String period, Caller caller) {
        return issuing.bulletin(period(period), caller.scope()).publishOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{period:\\d{4}-\\d{2}}/issue")
    @Operation(summary = "Number, freeze and issue the bulletin; raises a BULLETIN_ISSUED notice (operator)")
    Mono<ResponseEntity<BulletinView>> issue(
            @PathVariable String period, @RequestBody(required = false) IssueRequest request, Caller caller) {
        if (request != null && request.number() != null && request.number() < 1) {
            return Mono.error(ProblemException.invalid("number", "must be 1 or more"));
        }
        if (request != null && request.sequence() != null && request.sequence() < 1) {
            return Mono.error(ProblemException.invalid("sequence", "must be 1 or more"));
        }
        return issuing.issue(period(period), request, caller)
                .map(view -> ResponseEntity.created(URI.create("/api/v1/bulletins/" + period))
                        .body(view))
                .onErrorMap(AlreadyIssuedException.class, e -> ProblemException.conflict(e.getMessage()));
    }

    private static YearMonth period(String name) {
        try {
            return YearMonth.parse(name);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("period", "must be a period YYYY-MM, e.g. 2020-09, was " + name);
        }
    }
}
