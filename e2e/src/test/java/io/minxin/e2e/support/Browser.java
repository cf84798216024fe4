package io.minxin.e2e.support;

import io.minxin.localstack.DebianPrograms;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser: Debian's headless chromium driven through chromedriver (test.sh installs both), opening the
 * console through the gateway. Every page it is asked to keep is written as a whole-page screenshot under
 * {@code target/console-screenshots/} for a reviewer to look at.
 */
public final class Browser implements AutoCloseable {
    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int WIDTH = 1366;

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser (no cookies) for the gateway at {@code gatewayBase}, e.g. {@code http://127.0.0.1:8080}. */
    public static Browser open(String gatewayBase) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(DebianPrograms.find("chromium", "chromium"))
                .addArguments(DebianPrograms.headlessChromiumArguments(WIDTH, 900));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DebianPrograms.find("chromedriver", "chromium-driver")))
                .withEnvironment(DebianPrograms.chromiumEnvironment())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        return new Browser(driver, gatewayBase);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code path} (e.g. {@code /console/}) and answers the path the browser ended on. */
    public String go(String path) {
        driver.get(base + path);
        return currentPath();
    }

    public String currentPath() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Signs in on the sign-in page as a person would: types, submits, and waits for the next page. */
    public void signIn(String username, String password) {
        go("/console/sign-in");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(driver, WAIT).until(browser -> !currentPath().startsWith("/console/sign-in"));
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits until the page's text contains {@code text} (an htmx swap, a chart drawn). */
    public void awaitText(String text) {
        new WebDriverWait(driver, WAIT).until(browser -> text().contains(text));
    }

    /** The session cookie's value, for fetching a download outside the browser as the same person. */
    public String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /** Writes a screenshot of the whole page to {@code target/console-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(SCREENSHOTS.toAbsolutePath());
            Object height = ((JavascriptExecutor) driver)
                    .executeScript("return Math.ceil(document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(WIDTH, Math.max(900, ((Number) height).intValue())));
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new Dimension(WIDTH, 900));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
