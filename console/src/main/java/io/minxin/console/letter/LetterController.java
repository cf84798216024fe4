package io.minxin.console.letter;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.NoticeClient;
import io.minxin.console.web.Documents;
import io.minxin.console.web.Formats;
import io.minxin.console.web.Periods;
import io.minxin.console.web.Refusal;
import io.minxin.events.notice.Letter;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * 提示函 of a month: whatever the API lets the person see (operators and leaders every unit's, a unit liaison its
 * own), each with its acknowledgement, its HTML shown in place and its DOCX downloaded through the console with the
 * person's token, and for the unit's liaison an htmx button to acknowledge it, whose answer is the updated row.
 */
@Controller
class LetterController {
    private static final String LETTER = "/console/letters/{unitId}/{month:\\d{4}-\\d{2}}";
    private static final Formats FORMATS = new Formats();
    private static final Refusal.Sentences REFUSED =
            new Refusal.Sentences("只有本单位的联络员可以确认收到本单位的提示函。", "这份提示函已经确认收到。", "未能确认收到，请刷新页面后重试。");

    private final NoticeClient notices;
    private final Periods periods;

    LetterController(NoticeClient notices, Periods periods) {
        this.notices = notices;
        this.periods = periods;
    }

    @GetMapping("/console/letters")
    Mono<Rendering> letters(@RequestParam(required = false) String period) {
        Periods.Asked asked = periods.asked(period);
        String month = asked.month().toString();
        return notices.letters(month)
                .map(letters -> Rendering.view("letter/letters")
                        .modelAttribute("period", month)
                        .modelAttribute("unreadablePeriod", asked.unreadable())
                        .modelAttribute("letters", letters)
                        .build());
    }

    /** The letter's HTML in the 公文 layout, shown in place to read and print. */
    @GetMapping(LETTER + ".html")
    Mono<ResponseEntity<byte[]>> html(@PathVariable String unitId, @PathVariable String month) {
        return notices.letterDocument(unitId, month, "html").map(Documents::inPlace);
    }

    @GetMapping(LETTER + ".docx")
    Mono<ResponseEntity<byte[]>> docx(@PathVariable String unitId, @PathVariable String month) {
        String name = "提示函-" + unitId + "-" + FORMATS.month(month) + ".docx";
        return notices.letterDocument(unitId, month, "docx")
                .map(document -> Documents.attachment(document, "letter-" + unitId + "-" + month + ".docx", name));
    }

    @PostMapping(LETTER + "/acknowledgement")
    Mono<Rendering> acknowledge(@PathVariable String unitId, @PathVariable String month) {
        return notices.acknowledge(unitId, month)
                .map(letter -> row(letter, null))
                .onErrorResume(
                        Refusal::isRefusal,
                        failure -> notices.letters(month)
                                .flatMap(letters -> letters.stream()
                                        .filter(letter -> unitId.equals(letter.unitId()))
                                        .findFirst()
                                        .map(letter ->
                                                Mono.just(row(letter, Refusal.of((ApiFailure) failure, REFUSED))))
                                        .orElseGet(() -> Mono.error(failure))));
    }

    private static Rendering row(Letter letter, Refusal refusal) {
        return Rendering.view("letter/letters :: letter")
                .modelAttribute("letter", letter)
                .modelAttribute("refusal", refusal)
                .build();
    }
}
