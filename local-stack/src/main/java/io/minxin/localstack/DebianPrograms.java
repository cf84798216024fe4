package io.minxin.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The programs of Debian packages the tests run (test.sh installs them): LibreOffice, pdftotext, chromium and
 * chromedriver. A missing one fails the test that needs it, naming the package, instead of skipping it.
 */
public final class DebianPrograms {
    private DebianPrograms() {}

    /**
     * How the browser tests and the console bench start Debian's chromium: headless, in Chinese, at a laptop's
     * width, without the sandbox and /dev/shm a container lacks. On Linux {@code --lang} alone leaves the form
     * controls in English: see {@link #chromiumEnvironment()}.
     */
    public static List<String> headlessChromiumArguments(int width, int height) {
        return List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--lang=zh-CN",
                "--window-size=" + width + "," + height);
    }

    /**
     * The environment chromedriver starts chromium with: on Linux chromium takes its locale from {@code LANGUAGE}, and
     * with Debian's chromium-l10n installed (test.sh does) month and date inputs read 2020年09月 as a Chinese
     * person's browser shows them, not "September 2020".
     */
    public static Map<String, String> chromiumEnvironment() {
        return Map.of("LANGUAGE", "zh_CN");
    }

    /** The path of {@code name} on the {@code PATH}; an {@link AssertionError} naming {@code debianPackage} if none. */
    public static String find(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(String.format(
                "%s is not installed: the tests need Debian's %s (./test.sh installs it; or"
                        + " apt-get install --no-install-recommends %s)",
                name, debianPackage, debianPackage));
    }
}
