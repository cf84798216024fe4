package io.minxin.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The form controls of a rendered page or fragment that a screen reader would announce without a name (issue 17: a
 * label on every control). A field is named by a {@code <label for>}, an enclosing {@code <label>}, {@code aria-label},
 * {@code aria-labelledby} naming elements of the page, or {@code title}; a button and a {@code <summary>} by their
 * text, {@code value} or {@code aria-label}. {@link ConsoleTestSupport} checks every page and fragment the tests
 * render.
 */
public final class FormLabels {
    private static final String FIELDS = "input:not([type=hidden]):not([type=submit]):not([type=button])"
            + ":not([type=reset]):not([type=image]), select, textarea";
    private static final String BUTTONS = "button, input[type=submit], input[type=button], input[type=reset], summary";

    /** A description of each control without a name, in page order; empty when every control has one. */
    public static List<String> unlabelled(String html) {
        Document page = Jsoup.parse(html);
        List<String> missing = new ArrayList<>();
        for (Element field : page.select(FIELDS)) {
            if (!named(page, field) && !labelledByLabel(page, field)) {
                missing.add(describe(field));
            }
        }
        for (Element button : page.select(BUTTONS)) {
            if (!named(page, button)
                    && button.text().isBlank()
                    && button.attr("value").isBlank()) {
                missing.add(describe(button));
            }
        }
        return missing;
    }

    private static boolean named(Document page, Element control) {
        if (!control.attr("aria-label").isBlank() || !control.attr("title").isBlank()) {
            return true;
        }
        String ids = control.attr("aria-labelledby");
        return !ids.isBlank()
                && Arrays.stream(ids.trim().split("\\s+"))
                        .allMatch(id -> page.getElementById(id) != null
                                && !page.getElementById(id).text().isBlank());
    }

    private static boolean labelledByLabel(Document page, Element field) {
        Element around = field.closest("label");
        if (around != null && !around.text().isBlank()) {
            return true;
        }
        String id = field.id();
        return !id.isEmpty()
                && page.select("label[for]").stream()
                        .anyMatch(label ->
                                label.attr("for").equals(id) && !label.text().isBlank());
    }

    private static String describe(Element control) {
        String html = control.outerHtml();
        int end = html.indexOf('>');
        return end < 0 ? html : html.substring(0, end + 1);
    }

    private FormLabels() {}
}
