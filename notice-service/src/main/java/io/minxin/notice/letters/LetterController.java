package io.minxin.notice.letters;

import io.minxin.events.identity.Caller;
import io.minxin.events.notice.Letter;
import io.minxin.notice.bulletin.Bulletin;
import io.minxin.notice.bulletin.BulletinRenderer;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * 提示函: listed, read as JSON, HTML or DOCX in the 公文 layout, and acknowledged by their unit. A unit-scoped key
 * sees its own unit's letters only (another unit's: 403).
 */
@RestController
@RequestMapping("/api/v1/letters")
class LetterController {
    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final int MAX_REPLY = 2000;

    private final Letters letters;
    private final BulletinRenderer renderer;

    LetterController(Letters letters, BulletinRenderer renderer) {
        this.letters = letters;
        this.renderer = renderer;
    }

    /** A unit's answer when it acknowledges its letter; the reply is optional. */
    record AcknowledgementRequest(String reply) {}

    @GetMapping
    @Operation(
            summary = "提示函 with their status (ISSUED, ACKNOWLEDGED), oldest first; acknowledged=false lists the"
                    + " unacknowledged; a unit-scoped caller gets its own unit's (another unit's: 403)")
    Flux<Letter> find(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String unitId,
            @RequestParam(required = false) Boolean acknowledged,
            Caller caller) {
        String month = blankToNull(period);
        if (month != null) {
            month(month);
        }
        return letters.find(caller.scope(), month, blankToNull(unitId), acknowledged);
    }

    @GetMapping(value = "/{unitId}/{month:\\d{4}-\\d{2}}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One 提示函: its 文号, missed days, status and acknowledgement (404: the unit has none that month)")
    Mono<Letter> one(@PathVariable String unitId, @PathVariable String month, Caller caller) {
        return letters.one(caller.scope(), unitId, month(month));
    }

    @GetMapping("/{unitId}/{month:\\d{4}-\\d{2}}.html")
    @Operation(summary = "The 提示函 as a printable HTML page in the 公文 layout")
    Mono<ResponseEntity<String>> html(@PathVariable String unitId, @PathVariable String month, Caller caller) {
        return rendering(unitId, month, caller)
                .map(letter -> ResponseEntity.ok().contentType(HTML).body(renderer.html(letter)));
    }

    @GetMapping("/{unitId}/{month:\\d{4}-\\d{2}}.docx")
    @Operation(summary = "The 提示函 as a Word document in the 公文 layout")
    Mono<ResponseEntity<byte[]>> docx(@PathVariable String unitId, @PathVariable String month, Caller caller) {
        return rendering(unitId, month, caller)
                .map(letter -> ResponseEntity.ok()
                        .contentType(DOCX)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename("letter-" + unitId + "-" + month + ".docx")
                                        .build()
                                        .toString())
                        .body(renderer.docx(letter)));
    }

    @PostMapping("/{unitId}/{month:\\d{4}-\\d{2}}/acknowledgement")
    @Operation(
            summary = "The unit acknowledges its 提示函, with an optional reply (a dashboard key scoped to that unit;"
                    + " 403 otherwise, 404 no such letter, 409 acknowledged already); a LetterAcknowledged decision")
    Mono<ResponseEntity<Letter>> acknowledge(
            @PathVariable String unitId,
            @PathVariable String month,
            @RequestBody(required = false) AcknowledgementRequest request,
            Caller caller) {
        String reply = request == null || request.reply() == null
                ? ""
                : request.reply().strip();
        if (reply.length() > MAX_REPLY) {
            return Mono.error(ProblemException.invalid("reply", "must be at most " + MAX_REPLY + " characters"));
        }
        return letters.acknowledge(caller, unitId, month(month), reply)
                .map(view -> ResponseEntity.created(URI.create("/api/v1/letters/" + unitId + "/" + month))
                        .body(view));
    }

    /** Rendering (POI above all) off the MongoDB driver's thread that delivered the letter. */
    private Mono<Bulletin> rendering(String unitId, String month, Caller caller) {
        return letters.document(caller.scope(), unitId, month(month)).publishOn(Schedulers.boundedElastic());
    }

    private static YearMonth month(String name) {
        try {
            return YearMonth.parse(name);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("period", "must be a month YYYY-MM, e.g. 2020-09, was " + name);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
