package io.minxin.console.audit;

import io.minxin.console.api.AuditQuery;
import io.minxin.console.web.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's filters as asked for ({@code ?actor=&action=&target=&from=&to=&size=&before=}): days in China's
 * calendar (from the start of {@code from} to the end of {@code to}), a page size, and {@code before}, the time of
 * the oldest entry of the previous page (the next page is what is older). What is no date is named, then ignored.
 */
record AuditFilter(String actor, String action, String target, String from, String to, int size, Instant before) {
    static final List<Integer> SIZES = List.of(20, 50, 100, 200);
    static final int DEFAULT_SIZE = 50;

    static AuditFilter of(
            String actor, String action, String target, String from, String to, String size, String before) {
        return new AuditFilter(
                text(actor),
                text(action),
                text(target),
                text(from),
                text(to),
                SIZES.stream()
                        .map(String::valueOf)
                        .filter(text(size)::equals)
                        .findFirst()
                        .map(Integer::parseInt)
                        .orElse(DEFAULT_SIZE),
                instant(text(before)).orElse(null));
    }

    /** What the API is asked: one entry more than a page, to know whether there is an older page. */
    AuditQuery query() {
        Instant since =
                day(from).map(day -> day.atStartOfDay(Formats.ZONE).toInstant()).orElse(null);
        Instant until = day(to).map(
                        day -> day.plusDays(1).atStartOfDay(Formats.ZONE).toInstant())
                .orElse(null);
        if (before != null && (until == null || before.isBefore(until))) {
            until = before;
        }
        return new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(target), since, until, size + 1);
    }

    /** The filter fields that are no date, for the page to say. */
    public List<String> unreadable() {
        List<String> unreadable = new ArrayList<>();
        if (!from.isEmpty() && day(from).isEmpty()) {
            unreadable.add(from);
        }
        if (!to.isEmpty() && day(to).isEmpty()) {
            unreadable.add(to);
        }
        return unreadable;
    }

    public boolean filtered() {
        return !actor.isEmpty() || !action.isEmpty() || !target.isEmpty() || !from.isEmpty() || !to.isEmpty();
    }

    /** The link to the page of what is older than {@code oldest}, with the same filters. */
    String olderThan(Instant oldest) {
        return link().queryParam("before", oldest.toString()).build().encode().toUriString();
    }

    /** The link to the newest page with the same filters. */
    String newest() {
        return link().build().encode().toUriString();
    }

    private UriComponentsBuilder link() {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/console/audit");
        for (String[] pair :
                new String[][] {{"actor", actor}, {"action", action}, {"target", target}, {"from", from}, {"to", to}}) {
            if (!pair[1].isEmpty()) {
                link.queryParam(pair[0], pair[1]);
            }
        }
        return link.queryParam("size", size);
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
