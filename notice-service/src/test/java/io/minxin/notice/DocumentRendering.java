package io.minxin.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.minxin.localstack.DebianPrograms;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Renders documents the way their readers see them: a DOCX through LibreOffice to PDF and its text as
 * {@code pdftotext -layout} lays it out, an HTML page in headless chromium. The programs come from Debian's
 * libreoffice-writer-nogui, poppler-utils, chromium and chromium-driver (test.sh installs them); without them a
 * test fails saying what to install, it is never skipped.
 */
public final class DocumentRendering {
    /** Where the rendered files stay for a person to look at. */
    public static final Path OUT = Path.of("target", "documents");

    private static final Duration CONVERSION_TIMEOUT = Duration.ofMinutes(3);
    /** A4 at 96 CSS pixels an inch: 210 mm. */
    private static final int A4_WIDTH_PX = 794;

    private DocumentRendering() {}

    /** The pages of {@code docx} as LibreOffice prints them, each as {@code pdftotext -layout} gives its text. */
    public static List<String> pdfPages(byte[] docx, String name) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(OUT.toAbsolutePath());
        Path file = dir.resolve(name + ".docx");
        Files.write(file, docx);
        // a profile of its own: a LibreOffice already running for the same user would take the conversion over
        Path profile = Files.createTempDirectory("soffice-profile");
        try {
            run(
                    List.of(
                            DebianPrograms.find("soffice", "libreoffice-writer-nogui"),
                            "-env:UserInstallation=" + profile.toUri(),
                            "--headless",
                            "--convert-to",
                            "pdf",
                            "--outdir",
                            dir.toString(),
                            file.toString()),
                    dir);
        } finally {
            deleteTree(profile);
        }
        Path pdf = dir.resolve(name + ".pdf");
        assertThat(pdf).as("LibreOffice's PDF of %s", file).exists();
        String text =
                run(List.of(DebianPrograms.find("pdftotext", "poppler-utils"), "-layout", pdf.toString(), "-"), dir);
        List<String> pages = new ArrayList<>(Arrays.asList(text.split("\f", -1)));
        // pdftotext ends every page with a form feed: the last piece is empty
        while (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1);
        }
        return pages;
    }

    /** Lines of text with their blanks taken out: CJK text laid out with letter spacing comes out spaced. */
    public static List<String> compactLines(String page) {
        return page.lines().map(DocumentRendering::compact).toList();
    }

    public static String compact(String text) {
        return text.replaceAll("[\\s\\u3000\\u200D]+", "");
    }

    /**
     * Opens {@code html} in headless chromium at A4 width, writes a screenshot of the whole page to {@code
     * target/documents/<name>.png} and returns what {@code script} returned.
     */
    public static Object inChromium(String html, String name, String script) throws IOException {
        Path dir = Files.createDirectories(OUT.toAbsolutePath());
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        ChromeOptions options = new ChromeOptions()
                .setBinary(DebianPrograms.find("chromium", "chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DebianPrograms.find("chromedriver", "chromium-driver")))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().window().setSize(new Dimension(A4_WIDTH_PX, 1123));
            driver.get(page.toUri().toString());
            Object height = ((JavascriptExecutor) driver)
                    .executeScript("return Math.ceil(document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(A4_WIDTH_PX, ((Number) height).intValue()));
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            return ((JavascriptExecutor) driver).executeScript(script);
        } finally {
            driver.quit();
        }
    }

    /**
     * The HTML check of a 公文 page: every table no wider than the page it is on, no cell wider than itself, no short cell wrapped, and no
     * horizontal scroll bar in an A4-wide window. Returns the overflows found, e.g. {@code table 2: 712 > 590}, none when everything fits.
     */
    public static List<String> overflowsInChromium(String html, String name) throws IOException {
        Object found = inChromium(html, name, """
                const problems = [];
                document.querySelectorAll('table').forEach((table, i) => {
                  const page = table.closest('article') || document.body;
                  const room = page.clientWidth
                      - parseFloat(getComputedStyle(page).paddingLeft)
                      - parseFloat(getComputedStyle(page).paddingRight);
                  if (table.scrollWidth > Math.ceil(room)) {
                    problems.push('table ' + (i + 1) + ': ' + table.scrollWidth + ' > ' + room);
                  }
                  table.querySelectorAll('td, th').forEach(cell => {
                    if (cell.scrollWidth > cell.clientWidth + 1) {
                      problems.push('cell "' + cell.textContent + '" of table ' + (i + 1) + ' overflows');
                    }
                    // a cell that must stand on one line: its text has one line box
                    const range = document.createRange();
                    range.selectNodeContents(cell);
                    const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
                    // only the title-like columns, named by HtmlWriter on the table (wrap-2: the second), may wrap
                    if (!table.classList.contains('wrap-' + (cell.cellIndex + 1)) && lines.size > 1) {
                      problems.push('cell "' + cell.textContent + '" of table ' + (i + 1) + ' wraps');
                    }
                  });
                });
                const root = document.documentElement;
                if (root.scrollWidth > root.clientWidth) {
                  problems.push('page: ' + root.scrollWidth + ' > ' + root.clientWidth + ' (a horizontal scroll bar)');
                }
                return problems;
                """);
        List<String> problems = new ArrayList<>();
        ((List<?>) found).forEach(problem -> problems.add(String.valueOf(problem)));
        return problems;
    }

    /** The path of a program, or a failure naming the Debian package that brings it. */

    /**
     * The system's fontconfig with the aliases of {@code fontconfig/gongwen-fonts.conf}: the 公文 fonts as a reader on
     * Linux with that file installed sees them (Noto CJK SC).
     */
    private static Path fontconfig() throws IOException {
        Path aliases = Path.of("fontconfig", "gongwen-fonts.conf").toAbsolutePath();
        assertThat(aliases).as("the 公文 font aliases").exists();
        Path conf = OUT.toAbsolutePath().resolve("fonts.conf");
        Files.writeString(conf, """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <include>%s</include>
                </fontconfig>
                """.formatted(aliases));
        return conf;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path output = Files.createTempFile("rendering", ".out");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("FONTCONFIG_FILE", fontconfig().toString());
        Process process = builder.directory(dir.toFile())
                .redirectErrorStream(false)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(CONVERSION_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within %s", command, CONVERSION_TIMEOUT);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertThat(process.exitValue()).as("exit code of %s", command).isZero();
        return text;
    }
}
