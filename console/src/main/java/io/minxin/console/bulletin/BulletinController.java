package io.minxin.console.bulletin;

import io.minxin.console.api.NoticeClient;
import io.minxin.console.web.Documents;
import io.minxin.console.web.Formats;
import io.minxin.console.web.Htmx;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * A month's bulletin (通报): draft or issued, its HTML shown in the page, the operator's issue button, and the DOCX
 * and HTML downloads, which the console fetches from the API with the person's token and passes on byte for byte.
 */
@Controller
class BulletinController {
    private static final String PERIOD = "{period:\\d{4}-\\d{2}}";
    private static final Formats FORMATS = new Formats();
    /** The event the page reloads its preview on after the issue. */
    static final String ISSUED_EVENT = "bulletin-issued";

    private final NoticeClient notices;

    BulletinController(NoticeClient notices) {
        this.notices = notices;
    }

    @GetMapping("/console/bulletins/" + PERIOD)
    Mono<Rendering> bulletin(@PathVariable String period) {
        return notices.bulletin(period)
                .map(status -> Rendering.view("bulletin/bulletin")
                        .modelAttribute("period", period)
                        .modelAttribute("bulletin", status)
                        .build());
    }

    /** The bulletin's HTML for the page's preview frame, shown in place (no download). */
    @GetMapping("/console/bulletins/" + PERIOD + "/preview")
    Mono<ResponseEntity<byte[]>> preview(@PathVariable String period) {
        return notices.bulletinDocument(period, "html").map(Documents::inPlace);
    }

    @GetMapping("/console/bulletins/" + PERIOD + ".docx")
    Mono<ResponseEntity<byte[]>> docx(@PathVariable String period) {
        return download(period, "docx");
    }

    @GetMapping("/console/bulletins/" + PERIOD + ".html")
    Mono<ResponseEntity<byte[]>> html(@PathVariable String period) {
        return download(period, "html");
    }

    @PostMapping("/console/bulletins/" + PERIOD + "/issue")
    Mono<Rendering> issue(@PathVariable String period) {
        return notices.issue(period)
                .map(status -> Rendering.view("bulletin/bulletin :: status")
                        .header(Htmx.TRIGGER, ISSUED_EVENT)
                        .modelAttribute("period", period)
                        .modelAttribute("bulletin", status)
                        .modelAttribute("justIssued", true)
                        .build());
    }

    private Mono<ResponseEntity<byte[]>> download(String period, String extension) {
        String name = "通报-" + FORMATS.month(period) + "." + extension;
        return notices.bulletinDocument(period, extension)
                .map(document -> Documents.attachment(document, "bulletin-" + period + "." + extension, name));
    }
}
