package io.minxin.bench;

import io.minxin.demo.DemoMonth;
import io.minxin.events.CaseEvent;
import io.minxin.events.EventJson;
import io.minxin.localstack.DebianPrograms;
import java.io.File;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's pages on the demo month, every service in a JVM of its own behind the gateway, as after
 * {@code ./run.sh}: the server time of each page (signed in as the operator, the HTML answered by the gateway), next
 * to its raw limit in the same run, the API calls the page is made of, sent at once through the gateway with an
 * operator key. Then the month page's first paint in Debian's headless Chromium.
 */
final class ConsoleBench {
    private static final Logger log = LoggerFactory.getLogger(ConsoleBench.class);
    private static final String PERIOD = "2020-09";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final int GATEWAY_PORT = 18080;

    private final Report report;
    private final int warmup = Integer.getInteger("bench.console.warmup", 30);
    private final int samples = Integer.getInteger("bench.console.samples", 100);
    private final int paints = Integer.getInteger("bench.console.paints", 10);

    ConsoleBench(Report report) {
        this.report = report;
    }

    void run(String bootstrapServers, String mongoUri, Path repo, Path logDir, Path stateDir) throws Exception {
        String operatorKey = "mx_benchop_" + HexFormat.of().formatHex(random(24));
        String integrationKey = "mx_benchint_" + HexFormat.of().formatHex(random(24));
        String password = HexFormat.of().formatHex(random(18));
        String gatewayUrl = "http://127.0.0.1:" + GATEWAY_PORT;
        Map<String, String> common = Map.of(
                "MINXIN_KAFKA_BOOTSTRAP", bootstrapServers,
                "MINXIN_MONGODB_URI", mongoUri,
                "MINXIN_NOTICE_DUTY_SINCE", "2020-09-01",
                "MINXIN_NOTICE_DUTY_UNTIL", "2020-09-30",
                "MINXIN_METRICS_STREAMS_STATE_DIR", stateDir.toString(),
                "MINXIN_CONSOLE_GATEWAY_URL", gatewayUrl,
                "MINXIN_CONSOLE_DEFAULT_PERIOD", PERIOD);
        try (ServiceProcess intake = ServiceProcess.start(repo, "intake-service", 18081, common, logDir);
                ServiceProcess metrics = ServiceProcess.start(repo, "metrics-service", 18082, common, logDir);
                ServiceProcess ranking = ServiceProcess.start(repo, "ranking-service", 18083, common, logDir);
                ServiceProcess notice = ServiceProcess.start(repo, "notice-service", 18084, common, logDir);
                ServiceProcess console = ServiceProcess.start(repo, "console", 18085, common, logDir);
                ServiceProcess gateway = ServiceProcess.start(
                        repo,
                        "gateway",
                        GATEWAY_PORT,
                        gatewayEnvironment(
                                common,
                                Map.of(
                                        "MINXIN_GATEWAY_SERVICES_INTAKE", intake.baseUrl(),
                                        "MINXIN_GATEWAY_SERVICES_METRICS", metrics.baseUrl(),
                                        "MINXIN_GATEWAY_SERVICES_RANKING", ranking.baseUrl(),
                                        "MINXIN_GATEWAY_SERVICES_NOTICE", notice.baseUrl(),
                                        "MINXIN_GATEWAY_SERVICES_CONSOLE", console.baseUrl(),
                                        "MINXIN_BOOTSTRAP_OPERATOR_KEY", operatorKey,
                                        "MINXIN_BOOTSTRAP_INTEGRATION_KEY", integrationKey,
                                        "MINXIN_GATEWAY_ACCOUNTS_BOOTSTRAP_OPERATOR_PASSWORD", password)),
                        logDir)) {
            HttpClient api = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            loadDemoMonth(api, gatewayUrl, integrationKey);
            String unitId = awaitDemoMonth(api, gatewayUrl, operatorKey);
            HttpClient person = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            signIn(person, gatewayUrl, password);
            for (Page page : pages(unitId)) {
                measure(page, person, api, gatewayUrl, operatorKey);
            }
            measure(explanation(person, gatewayUrl), person, api, gatewayUrl, operatorKey);
            firstPaint(gatewayUrl, password);
        }
    }

    /** What each page is made of: its own path and the API calls its controller sends (at once) for it. */
    private static List<Page> pages(String unitId) {
        String p = "?period=" + PERIOD;
        String months = "?from=2019-10&to=" + PERIOD;
        return List.of(
                new Page(
                        "month",
                        "/console/" + p,
                        List.of(
                                "/api/v1/overview/months" + months,
                                "/api/v1/rankings/" + PERIOD + "?channel=PHONE",
                                "/api/v1/rankings/" + PERIOD + "?channel=WEB")),
                new Page(
                        "unit",
                        "/console/units/" + unitId + p,
                        List.of(
                                "/api/v1/units/" + unitId + "/months" + months,
                                "/api/v1/rankings/" + PERIOD + "?channel=PHONE",
                                "/api/v1/rankings/" + PERIOD + "?channel=WEB",
                                "/api/v1/notices?period=" + PERIOD + "&unitId=" + unitId)),
                new Page("reviews", "/console/reviews" + p, List.of("/api/v1/reviews" + p, "/api/v1/units" + p)),
                new Page("disputes", "/console/disputes" + p, List.of("/api/v1/disputes" + p)),
                new Page("letters", "/console/letters" + p, List.of("/api/v1/letters" + p)),
                new Page("bulletin", "/console/bulletins/" + PERIOD, List.of("/api/v1/bulletins/" + PERIOD)),
                new Page("account", "/console/account", List.of()));
    }

    private record Page(String name, String path, List<String> apiCalls) {}

    private static final Pattern EXPLANATION =
            Pattern.compile("hx-get=\"(/console/rankings/[^\"]+/explanations/[^\"]+)\"");

    /**
     * The first row's 排名依据 as htmx fetches it when the row is opened, at the address the month page gives it. Its
     * raw limit is the one API call it costs when the console does not have the page's ranking at hand (another
     * instance); with it at hand, it costs none.
     */
    private static Page explanation(HttpClient person, String gatewayUrl) throws Exception {
        String month = person.send(
                        HttpRequest.newBuilder(URI.create(gatewayUrl + "/console/?period=" + PERIOD))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher found = EXPLANATION.matcher(month);
        if (!found.find()) {
            throw new IllegalStateException("the month page offers no row's 排名依据 to open");
        }
        return new Page(
                "row explanation",
                found.group(1).replace("&amp;", "&"),
                List.of("/api/v1/rankings/" + PERIOD + "?channel=PHONE"));
    }

    private void measure(Page page, HttpClient person, HttpClient api, String gatewayUrl, String operatorKey)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + page.path()))
                .timeout(Duration.ofSeconds(30))
                .build();
        List<HttpRequest> calls = page.apiCalls().stream()
                .map(path -> HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-Api-Key", operatorKey)
                        .build())
                .toList();
        // the first opening of a page in fresh JVMs compiles templates and warms every hop; on a loaded machine it may
        // exceed the gateway's timeout (503): it is retried for a minute, then the steady state is measured
        long coldStart = System.nanoTime();
        HttpResponse<String> first = person.send(request, HttpResponse.BodyHandlers.ofString());
        while (first.statusCode() == 503
                && System.nanoTime() - coldStart < Duration.ofMinutes(1).toNanos()) {
            first = person.send(request, HttpResponse.BodyHandlers.ofString());
        }
        if (first.statusCode() != 200) {
            throw new IllegalStateException(page.name() + " answered " + first.statusCode() + ": " + first.body());
        }
        log.info(
                "{}: first opening answered after {} ms, {} KB",
                page.name(),
                (System.nanoTime() - coldStart) / 1_000_000,
                first.body().getBytes(StandardCharsets.UTF_8).length / 1024);
        for (HttpRequest call : calls) {
            int status = api.send(call, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException(call.uri() + " answered " + status + " for the " + page.name());
            }
        }
        Latencies pageTimes = new Latencies();
        Latencies apiTimes = new Latencies();
        // page and APIs alternate, so a pause of the machine falls alike on both
        for (int i = 0; i < warmup + samples; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = person.send(request, HttpResponse.BodyHandlers.ofString());
            long pageNanos = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(page.name() + " answered " + answer.statusCode());
            }
            start = System.nanoTime();
            CompletableFuture.allOf(calls.stream()
                            .map(call -> api.sendAsync(call, HttpResponse.BodyHandlers.ofByteArray()))
                            .toArray(CompletableFuture[]::new))
                    .join();
            long apiNanos = System.nanoTime() - start;
            if (i >= warmup) {
                pageTimes.record(pageNanos);
                apiTimes.record(apiNanos);
            }
        }
        double pageP95 = pageTimes.percentileMillis(0.95);
        double apiP95 = calls.isEmpty() ? 0 : apiTimes.percentileMillis(0.95);
        log.info(
                "{}: p50 {} ms, p95 {} ms; its API calls at once p95 {} ms",
                page.name(),
                String.format("%.1f", pageTimes.percentileMillis(0.5)),
                String.format("%.1f", pageP95),
                String.format("%.1f", apiP95));
        report.row(
                "console",
                "page " + page.name() + " (" + calls.size() + " API calls)",
                pageP95,
                "ms p95",
                calls.isEmpty() ? null : apiP95,
                calls.isEmpty() ? null : pageP95 / apiP95,
                pageTimes);
    }

    /** The month page opened in a fresh tab each time: Chromium's own first-contentful-paint entry. */
    private void firstPaint(String gatewayUrl, String password) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(DebianPrograms.find("chromium", "chromium"))
                .addArguments(DebianPrograms.headlessChromiumArguments(1366, 900));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DebianPrograms.find("chromedriver", "chromium-driver")))
                .withEnvironment(DebianPrograms.chromiumEnvironment())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(gatewayUrl + "/console/sign-in");
            driver.findElement(By.id("username")).sendKeys("operator");
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            Latencies paint = new Latencies();
            // the first opening warms the browser's cache of htmx, ECharts and the stylesheet, as a person's would
            for (int i = 0; i <= paints; i++) {
                driver.get(gatewayUrl + "/console/?period=" + PERIOD);
                Object millis = driver.executeScript("return new Promise(done => {"
                        + " const seen = () => performance.getEntriesByName('first-contentful-paint');"
                        + " if (seen().length) { done(seen()[0].startTime); return; }"
                        + " new PerformanceObserver(() => { if (seen().length) done(seen()[0].startTime); })"
                        + ".observe({type: 'paint', buffered: true}); })");
                if (i > 0) {
                    paint.record((long) (((Number) millis).doubleValue() * 1_000_000));
                }
            }
            log.info(
                    "month page first contentful paint: p50 {} ms, max {} ms",
                    String.format("%.0f", paint.percentileMillis(0.5)),
                    String.format("%.0f", paint.percentileMillis(1.0)));
            report.row(
                    "console",
                    "month page first contentful paint (headless Chromium)",
                    paint.percentileMillis(1.0),
                    "ms max",
                    null,
                    null,
                    paint);
        } finally {
            driver.quit();
        }
    }

    private static Map<String, String> gatewayEnvironment(Map<String, String> common, Map<String, String> own) {
        Map<String, String> env = new LinkedHashMap<>(common);
        env.putAll(own);
        // the benchmark measures pages, not the per-key limit
        env.put("MINXIN_GATEWAY_RATE_LIMIT_PERMITS_OPERATOR", "1000000");
        env.put("MINXIN_GATEWAY_RATE_LIMIT_PERMITS_INTEGRATION", "1000000");
        return env;
    }

    private static void loadDemoMonth(HttpClient api, String gatewayUrl, String integrationKey) throws Exception {
        List<CaseEvent> events = DemoMonth.generate().events();
        for (int from = 0; from < events.size(); from += 1000) {
            String batch = events.subList(from, Math.min(events.size(), from + 1000)).stream()
                    .map(EventJson::toJson)
                    .collect(Collectors.joining("\n", "", "\n"));
            HttpResponse<String> answer = api.send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/events/batch"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-ndjson")
                            .header("X-Api-Key", integrationKey)
                            .POST(HttpRequest.BodyPublishers.ofString(batch))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("demo batch answered " + answer.statusCode() + ": " + answer.body());
            }
        }
        log.info("demo month loaded: {} events", events.size());
    }

    /** Until the month's rankings have rows; answers a unit of the month for the unit page. */
    private static String awaitDemoMonth(HttpClient api, String gatewayUrl, String operatorKey) throws Exception {
        HttpRequest ranking = HttpRequest.newBuilder(
                        URI.create(gatewayUrl + "/api/v1/rankings/" + PERIOD + "?channel=PHONE"))
                .timeout(Duration.ofSeconds(10))
                .header("X-Api-Key", operatorKey)
                .build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = api.send(ranking, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                var rows = EventJson.mapper().readTree(answer.body()).path("rows");
                if (rows.size() > 0) {
                    return rows.get(0).path("unitId").asText();
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no ranking of " + PERIOD + " after 3 minutes");
    }

    private static void signIn(HttpClient person, String gatewayUrl, String password) throws Exception {
        HttpResponse<String> page = person.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/console/sign-in"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = form(Map.of("username", "operator", "password", password, "_csrf", csrf.group(1)));
        HttpResponse<Void> answer = person.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/console/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 303 || location.contains("error")) {
            throw new IllegalStateException("sign-in answered " + answer.statusCode() + " to " + location);
        }
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
