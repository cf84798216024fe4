package io.minxin.console.bulletin;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.api.BulletinDraft;
import io.minxin.console.api.NoticeClient;
import io.minxin.console.web.Documents;
import io.minxin.console.web.Formats;
import io.minxin.console.web.Htmx;
import io.minxin.console.web.Refusal;
import io.minxin.events.identity.Role;
import io.minxin.events.notice.BulletinRevision;
import io.minxin.servicekit.identity.CallerContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A month's bulletin (通报): draft or issued, its HTML shown in the page, and its downloads (DOCX, HTML, Markdown),
 * which the console fetches from the API with the person's token and passes on byte for byte. An operator edits the
 * draft (签发人, 文号, 期号, 成文日期, 发文机关, 报/送, 印发机关, 工作要求, each 较差件's 情况说明) and issues it; after the
 * issue the same editor prepares the next 更正 (文号, 期号 and date stay those of the bulletin), which the operator
 * issues with a statement of what it corrects. Every issued revision is listed and downloadable; none is editable.
 */
@Controller
class BulletinController {
    private static final String PERIOD = "{period:\\d{4}-\\d{2}}";
    private static final String FORMAT = "{format:docx|html|md}";
    private static final Formats FORMATS = new Formats();
    /** The event the page reloads its preview, editor and revisions on after the issue. */
    static final String ISSUED_EVENT = "bulletin-issued";
    /** The event after a 更正: the status, the editor and the preview come back. */
    static final String CORRECTED_EVENT = "bulletin-corrected";
    /** The event after a draft edit: the preview and what a 更正 would change come back. */
    static final String EDITED_EVENT = "bulletin-edited";

    private static final Refusal.Sentences EDIT_REFUSED =
            new Refusal.Sentences("您无权修改通报草稿。", "这项内容已随通报印发，不能再改（文号、期号和成文日期印发后保持不变）。", "修改未被接受，请按下列说明改正后重试。");
    private static final Refusal.Sentences CORRECTION_REFUSED =
            new Refusal.Sentences("您无权印发更正。", "更正未印发：通报尚未印发，或草稿与最新印发版相比没有改动。", "更正未印发，请写明更正说明后重试。");

    private final NoticeClient notices;

    BulletinController(NoticeClient notices) {
        this.notices = notices;
    }

    @GetMapping("/console/bulletins/" + PERIOD)
    Mono<Rendering> bulletin(@PathVariable String period) {
        return Mono.zip(notices.bulletin(period), revisions(period), operatorsDraft(period))
                .map(all -> Rendering.view("bulletin/bulletin")
                        .modelAttribute("period", period)
                        .modelAttribute("bulletin", all.getT1())
                        .modelAttribute("revisions", all.getT2())
                        .modelAttribute("form", all.getT3().map(DraftForm::of).orElse(null))
                        .build());
    }

    /** The status line again, after a 更正. */
    @GetMapping("/console/bulletins/" + PERIOD + "/status")
    Mono<Rendering> status(@PathVariable String period) {
        return notices.bulletin(period)
                .map(status -> Rendering.view("bulletin/bulletin :: status")
                        .modelAttribute("period", period)
                        .modelAttribute("bulletin", status)
                        .build());
    }

    /** The draft editor again, after the issue or a 更正 (it then prepares the next 更正). */
    @GetMapping("/console/bulletins/" + PERIOD + "/draft")
    Mono<Rendering> editor(@PathVariable String period) {
        return notices.draft(period).map(draft -> editor(period, DraftForm.of(draft), null, List.of(), false));
    }

    /** The revisions and the 更正 form again, after an issue or an edit. */
    @GetMapping("/console/bulletins/" + PERIOD + "/revisions")
    Mono<Rendering> revisionList(@PathVariable String period) {
        return Mono.zip(revisions(period), operatorsDraft(period))
                .map(both -> corrections(period, both.getT1(), both.getT2().orElse(null))
                        .build());
    }

    /** The bulletin's HTML for the page's preview frame, shown in place (no download). */
    @GetMapping("/console/bulletins/" + PERIOD + "/preview")
    Mono<ResponseEntity<byte[]>> preview(@PathVariable String period) {
        return notices.bulletinDocument(period, "html").map(Documents::inPlace);
    }

    /** The draft's HTML (after the issue: the 更正 to be), every page marked 草稿, shown in place. */
    @GetMapping("/console/bulletins/" + PERIOD + "/draft/preview")
    Mono<ResponseEntity<byte[]>> draftPreview(@PathVariable String period) {
        return notices.draftDocument(period, "html").map(Documents::inPlace);
    }

    @GetMapping("/console/bulletins/" + PERIOD + "." + FORMAT)
    Mono<ResponseEntity<byte[]>> download(@PathVariable String period, @PathVariable String format) {
        return notices.bulletinDocument(period, format)
                .map(document -> Documents.attachment(
                        document, "bulletin-" + period + "." + format, "通报-" + FORMATS.month(period) + "." + format));
    }

    @GetMapping("/console/bulletins/" + PERIOD + "/draft." + FORMAT)
    Mono<ResponseEntity<byte[]>> draftDownload(@PathVariable String period, @PathVariable String format) {
        return notices.draftDocument(period, format)
                .map(document -> Documents.attachment(
                        document,
                        "bulletin-" + period + "-draft." + format,
                        "通报草稿-" + FORMATS.month(period) + "." + format));
    }

    @GetMapping("/console/bulletins/" + PERIOD + "/revisions/{revision:\\d{1,6}}." + FORMAT)
    Mono<ResponseEntity<byte[]>> revisionDownload(
            @PathVariable String period, @PathVariable int revision, @PathVariable String format) {
        String suffix = revision == 0 ? "" : "-更正" + revision;
        return notices.revisionDocument(period, revision, format)
                .map(document -> Documents.attachment(
                        document,
                        "bulletin-" + period + "-" + revision + "." + format,
                        "通报-" + FORMATS.month(period) + suffix + "." + format));
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

    /**
     * The operator saves the editor: only the fields that differ from the draft go to the API; the answer is the
     * editor as the draft now stands, or what was typed with the API's refusal.
     */
    @PostMapping("/console/bulletins/" + PERIOD + "/draft")
    Mono<Rendering> edit(@PathVariable String period, ServerWebExchange exchange) {
        return Mono.zip(exchange.getFormData(), notices.draft(period)).flatMap(both -> {
            DraftForm typed = DraftForm.typed(both.getT2(), both.getT1());
            Map<String, Object> edit;
            try {
                edit = typed.edit();
            } catch (ApiFailure invalid) {
                return Mono.just(editor(period, typed, Refusal.of(invalid, EDIT_REFUSED), List.of(), false));
            }
            if (edit.isEmpty()) {
                return Mono.just(editor(period, typed, null, List.of(), true));
            }
            return notices.editDraft(period, edit)
                    .map(draft -> Rendering.view("bulletin/bulletin :: editor")
                            .header(Htmx.TRIGGER, EDITED_EVENT)
                            .modelAttribute("period", period)
                            .modelAttribute("form", DraftForm.of(draft))
                            .modelAttribute("saved", DraftForm.labels(edit))
                            .modelAttribute("unchanged", false)
                            .build())
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> Mono.just(editor(
                                    period, typed, Refusal.of((ApiFailure) failure, EDIT_REFUSED), List.of(), false)));
        });
    }

    /** The operator issues a 更正 of the draft's changes with a statement of what it corrects. */
    @PostMapping("/console/bulletins/" + PERIOD + "/corrections")
    Mono<Rendering> correct(@PathVariable String period, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String reason =
                    Optional.ofNullable(form.getFirst("reason")).orElse("").strip();
            Mono<?> corrected = reason.isEmpty()
                    ? Mono.error(ApiFailure.invalid("更正说明", "请写明更正了什么、为什么更正"))
                    : notices.correct(period, reason);
            return corrected
                    .then(Mono.zip(revisions(period), operatorsDraft(period)))
                    .map(both -> corrections(period, both.getT1(), both.getT2().orElse(null))
                            .header(Htmx.TRIGGER, CORRECTED_EVENT)
                            .modelAttribute(
                                    "justCorrected",
                                    both.getT1().isEmpty()
                                            ? null
                                            : both.getT1().get(both.getT1().size() - 1))
                            .build())
                    .onErrorResume(
                            Refusal::isRefusal,
                            failure -> Mono.zip(revisions(period), operatorsDraft(period))
                                    .map(both -> corrections(
                                                    period,
                                                    both.getT1(),
                                                    both.getT2().orElse(null))
                                            .modelAttribute(
                                                    "correctionRefusal",
                                                    Refusal.of((ApiFailure) failure, CORRECTION_REFUSED))
                                            .modelAttribute("typedReason", reason)
                                            .build()));
        });
    }

    private static Rendering editor(
            String period, DraftForm form, Refusal refusal, List<String> saved, boolean unchanged) {
        return Rendering.view("bulletin/bulletin :: editor")
                .modelAttribute("period", period)
                .modelAttribute("form", form)
                .modelAttribute("refusal", refusal)
                .modelAttribute("saved", saved)
                .modelAttribute("unchanged", unchanged)
                .build();
    }

    private static Rendering.Builder<?> corrections(
            String period, List<BulletinRevision> revisions, BulletinDraft draft) {
        return Rendering.view("bulletin/bulletin :: corrections")
                .modelAttribute("period", period)
                .modelAttribute("revisions", revisions)
                .modelAttribute("form", draft == null ? null : DraftForm.of(draft));
    }

    /** The issued revisions, none before the issue. */
    private Mono<List<BulletinRevision>> revisions(String period) {
        return notices.revisions(period).onErrorResume(ApiFailure::isNotFound, none -> Mono.just(List.of()));
    }

    /** The draft, for an operator only: nobody else edits it (a unit's liaison may not even read it). */
    private Mono<Optional<BulletinDraft>> operatorsDraft(String period) {
        return CallerContext.current()
                .filter(caller -> caller.role() == Role.OPERATOR)
                .flatMap(operator -> notices.draft(period))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }
}
