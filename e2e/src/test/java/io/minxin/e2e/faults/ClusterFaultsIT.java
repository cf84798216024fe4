package io.minxin.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minxin.demo.DemoMonth;
import io.minxin.demo.ExpectedTotals;
import io.minxin.e2e.support.Api;
import io.minxin.e2e.support.Dashboard;
import io.minxin.e2e.support.DemoLoad;
import io.minxin.e2e.support.E2eSettings;
import io.minxin.e2e.support.EventFeed;
import io.minxin.e2e.support.FailoverFeed;
import io.minxin.e2e.support.Minxin;
import io.minxin.e2e.support.Pause;
import io.minxin.e2e.support.Response;
import io.minxin.e2e.support.Service;
import io.minxin.e2e.support.ServiceProcess;
import io.minxin.events.Channel;
import io.minxin.events.calendar.WorkingCalendar;
import io.minxin.events.identity.Role;
import io.minxin.localstack.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shape a city runs, on one machine: three Kafka brokers (replication factor 3, {@code min.insync.replicas} 2)
 * and two instances of every service, the gateway included (the console, which no event passes through, is not
 * run). Gateway {@code i} routes to instance {@code i} of each service, and the load, demo months sent batch by
 * batch to both gateways in turn ({@link FailoverFeed}), sends a batch that got no 202 again to the other gateway,
 * as a client behind a load balancer does. Faults come in rotation, one at a time, each during a month of its own:
 * one broker, then one instance of each service, killed with {@code kill -9}; each comes back after a while.
 *
 * <p>Each broker runs in a JVM of its own (local-stack's {@code withBrokersInChildProcesses}), and the broker's fault is
 * {@link KafkaBroker#kill()}, a {@code kill -9} of that JVM: no controlled shutdown hands its leaderships over, the
 * clients find out from timeouts, and its log is recovered when it starts again, as after a crash.
 *
 * <p>The singletons are tested on the way: the month of notice-service's fault is September 2020, the month the duty
 * check judges, and notice-service#1 is killed as soon as the first 提示函 is stored, in the middle of the check's
 * run; ranking-service#1 comes back from its fault with the automatic close on (September 2020 due, the months of
 * 2021 not), and is killed again the moment the first revision of the close is stored.
 *
 * <p>Afterwards every month's overview and unit tables equal the generator's (every event that got a 202 counted
 * once), every 较差件 exists once as a notice and reached the webhook once, every unit of September with four missed
 * days has one 提示函, and September is closed once: revision 1 of each channel, published, with one closing time.
 * A table per fault (how long the part was down, the longest a batch waited for its 202, requests answered 503 or
 * not answered, and the catch-up: from the part back, or the month's last batch accepted, to the month's figures
 * exact) is logged and written to {@code target/e2e-logs/cluster-faults-report.txt}.
 *
 * <p>The default test command runs one rotation's short version: notice-service, a broker and ranking-service, each
 * down for {@value #SHORT_DOWN_SECONDS} s. {@code -De2e.cluster.rounds=N} runs N whole rotations instead (broker,
 * intake, metrics, notice, ranking, gateway; brokers and instances taken in turn), each part down for
 * {@value #LONG_DOWN_SECONDS} s.
 */
@Order(6)
class ClusterFaultsIT {
    private static final Logger log = LoggerFactory.getLogger(ClusterFaultsIT.class);
    private static final int SHORT_DOWN_SECONDS = 10;
    private static final int LONG_DOWN_SECONDS = 30;
    private static final int ROUNDS = Integer.getInteger("e2e.cluster.rounds", 0);
    private static final Set<Service> RUNNING =
            EnumSet.of(Service.INTAKE, Service.METRICS, Service.RANKING, Service.NOTICE, Service.GATEWAY);
    /** The month the duty check judges (Minxin sets its since and until) and the one closed automatically. */
    private static final YearMonth SINGLETONS_MONTH = DemoMonth.DEFAULT_MONTH;
    /** The other faults' months, one each, from here on: none of them due for the automatic close. */
    private static final YearMonth FIRST_LOAD_MONTH = YearMonth.of(2021, 1);

    private static final int BATCH = 250;
    private static final Duration PACE = Duration.ofMillis(150);
    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static final String DUTY_LETTER = "DUTY_LETTER";
    private static final String PUSHBACK = "PUSHBACK_CONFIRMED";

    /**
     * One fault's figures.
     *
     * @param down from the stop or kill until the part was back (healthy, or the broker up)
     * @param longestWait the longest a batch sent meanwhile waited from its first request to its 202
     * @param answered503 requests answered 503 meanwhile
     * @param unanswered requests with no answer meanwhile (connection refused or reset)
     * @param catchUp from the part back, or the month's last batch accepted if later, until the month's figures
     *     were exact (for the close: until September was closed)
     */
    private record Row(
            String fault,
            String month,
            Duration down,
            Duration longestWait,
            long answered503,
            long unanswered,
            Duration catchUp) {}

    /** What a fault takes down and brings back. */
    private interface Part {
        String name();

        void down();

        void up();
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<DemoMonth> loaded = new ArrayList<>();
    private Minxin minxin;
    private FailoverFeed feed;
    private Dashboard dashboard;
    private Dashboard operator;
    private int nextMonth;

    @Test
    void givenTwoOfEverythingOnThreeBrokersWhenPartsAreKilledInRotationThenEveryEventNoticeDeliveryAndCloseIsOnce() {
        long started = System.nanoTime();
        try (Minxin cluster = Minxin.start(Minxin.Layout.of("cluster", RUNNING)
                .withBrokers(3)
                .withInstances(2, RUNNING)
                .withEnvironment(
                        Service.NOTICE,
                        // the duty check looks often and judges a past day soon after its log-ins stop coming
                        Map.of(
                                "MINXIN_NOTICE_DUTY_CHECK_INTERVAL",
                                "PT5S",
                                "MINXIN_NOTICE_DUTY_QUIET_PERIOD",
                                "PT15S")))) {
            minxin = cluster;
            log.info("cluster up in {} s", seconds(System.nanoTime() - started));
            List<Api> gateways = cluster.instances(Service.GATEWAY).stream()
                    .map(ServiceProcess::api)
                    .toList();
            feed = new FailoverFeed(gateways, cluster.keys().integration());
            dashboard = new Dashboard(gateways.get(1), cluster.keys().dashboard());
            operator = new Dashboard(gateways.get(1), cluster.keys().operator());
            Response subscribed = cluster.subscribeToPushbacks(
                    "cluster receiver", cluster.webhooks().url());
            assertThat(subscribed.status()).as("subscription: %s", subscribed).isEqualTo(201);

            if (ROUNDS == 0) {
                shortRotation(Duration.ofSeconds(SHORT_DOWN_SECONDS));
            } else {
                for (int round = 0; round < ROUNDS; round++) {
                    longRotation(round, Duration.ofSeconds(LONG_DOWN_SECONDS));
                }
            }

            report(System.nanoTime() - started);
            assertEveryEventNoticeAndDeliveryOnce();
            assertTheMonthClosedOnce();
        }
    }

    /**
     * September first: the duty check judges a past day once the log-ins stop coming, by a watermark that a later
     * month's log-ins would carry past all of September before its own log-ins came.
     */
    private void shortRotation(Duration downFor) {
        dutyCheckFault(instance(Service.NOTICE, 1), downFor);
        fault(broker(1), nextLoadMonth(), downFor);
        closeFaults(instance(Service.RANKING, 1), downFor);
    }

    private void longRotation(int round, Duration downFor) {
        int instance = round % 2 + 1;
        if (round == 0) {
            dutyCheckFault(instance(Service.NOTICE, instance), downFor);
        }
        fault(broker(round % 3 + 1), nextLoadMonth(), downFor);
        fault(killed(Service.INTAKE, instance), nextLoadMonth(), downFor);
        fault(killed(Service.METRICS, instance), nextLoadMonth(), downFor);
        if (round == 0) {
            closeFaults(instance(Service.RANKING, instance), downFor);
        } else {
            fault(killed(Service.NOTICE, instance), nextLoadMonth(), downFor);
            fault(killed(Service.RANKING, instance), nextLoadMonth(), downFor);
        }
        fault(killed(Service.GATEWAY, instance), nextLoadMonth(), downFor);
    }

    /** Sends the month; a quarter of it in, takes the part down for {@code downFor}; waits for the month exact. */
    private void fault(Part part, DemoMonth demo, Duration downFor) {
        int quarter = feed.acceptedBatches() + (demo.events().size() + BATCH - 1) / BATCH / 4;
        CompletableFuture<Integer> sending = send(demo);
        await(part.name() + ": a quarter of " + demo.month() + " sent")
                .atMost(SETTLE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> sending.isDone() || feed.acceptedBatches() >= quarter);
        outage(part, demo, sending, downFor);
    }

    /**
     * notice-service killed while the duty check of September raises its 提示函: the month is sent, and the kill comes
     * when the first letter is stored (the next ones of the same run not yet).
     */
    private void dutyCheckFault(ServiceProcess notice, Duration downFor) {
        DemoMonth september = DemoLoad.month(SINGLETONS_MONTH);
        CompletableFuture<Integer> sending = send(september);
        await("the first 提示函 of " + SINGLETONS_MONTH)
                .atMost(SETTLE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Response letters = dashboard.noticesResponse(DUTY_LETTER, SINGLETONS_MONTH);
                    return letters.status() == 200 && !letters.json().isEmpty();
                });
        Response seen = dashboard.noticesResponse(DUTY_LETTER, SINGLETONS_MONTH);
        log.info(
                "{} letters of {} stored at the {}",
                seen.json().size(),
                september.expected().reminderLetterUnits().size(),
                label(notice));
        outage(part(notice, Map.of()), september, sending, downFor);
    }

    /**
     * ranking-service killed during a month's load and started again with the automatic close on, which closes
     * September at its first check (10 s after the start); from the moment it is healthy, a watcher kills it again
     * the moment the first revision of that close is stored (reading the other instance, as fast as it answers),
     * then it comes back and finishes the close.
     */
    private void closeFaults(ServiceProcess ranking, Duration downFor) {
        DemoLoad.awaitRankingInputs(dashboard, loaded(SINGLETONS_MONTH));
        // 2020's months are due (September's figures complete), 2021's are not
        long closeAfterDays = ChronoUnit.DAYS.between(LocalDate.of(2020, 12, 1), LocalDate.now(WorkingCalendar.ZONE));
        Map<String, String> autoClose = Map.of(
                "MINXIN_RANKING_AUTO_CLOSE_ENABLED", "true",
                "MINXIN_RANKING_AUTO_CLOSE_CLOSE_AFTER_DAYS", String.valueOf(closeAfterDays),
                "MINXIN_RANKING_AUTO_CLOSE_CHECK_INTERVAL", "PT10S");
        CompletableFuture<Long> killedWhileClosing = new CompletableFuture<>();
        Part restartedToClose = new Part() {
            @Override
            public String name() {
                return label(ranking);
            }

            @Override
            public void down() {
                ranking.kill();
            }

            @Override
            public void up() {
                autoClose.forEach(ranking::environment);
                ranking.start();
                ranking.awaitHealthy();
                CompletableFuture.runAsync(() -> {
                            await("the close of " + SINGLETONS_MONTH + " begins")
                                    .atMost(SETTLE)
                                    .pollInterval(Duration.ofMillis(20))
                                    .until(() -> !revisionsOfTheClose(ranking).isEmpty());
                            long killed = System.nanoTime();
                            ranking.kill();
                            log.info(
                                    "{} killed with these revisions of {} stored: {}",
                                    label(ranking),
                                    SINGLETONS_MONTH,
                                    revisionsOfTheClose(ranking));
                            killedWhileClosing.complete(killed);
                        })
                        .exceptionally(failure -> {
                            killedWhileClosing.completeExceptionally(failure);
                            return null;
                        });
            }
        };
        fault(restartedToClose, nextLoadMonth(), downFor);

        long killed = killedWhileClosing
                .orTimeout(SETTLE.toSeconds(), TimeUnit.SECONDS)
                .join();
        Pause.lasting(downFor.minusNanos(System.nanoTime() - killed), label(ranking) + " down");
        ranking.start();
        ranking.awaitHealthy();
        long back = System.nanoTime();
        await(SINGLETONS_MONTH + " closed: revision 1 of each channel published")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> revisionsOfTheClose(ranking).values().stream()
                                .filter("PUBLISHED"::equals)
                                .count()
                        == Channel.values().length);
        rows.add(new Row(
                label(ranking) + " while closing",
                SINGLETONS_MONTH.toString(),
                Duration.ofNanos(back - killed),
                Duration.ZERO,
                0,
                0,
                Duration.ofNanos(System.nanoTime() - back)));
    }

    private void outage(Part part, DemoMonth demo, CompletableFuture<Integer> sending, Duration downFor) {
        long downAt = System.nanoTime();
        part.down();
        Pause.lasting(downFor, part.name() + " down");
        part.up();
        long backAt = System.nanoTime();
        int sent = sending.orTimeout(5, TimeUnit.MINUTES).join();
        assertThat(sent).isEqualTo(demo.events().size());
        long lastAccepted = System.nanoTime();
        DemoLoad.awaitOverview(dashboard, demo);
        DemoLoad.awaitUnits(dashboard, demo);
        long exact = System.nanoTime();
        List<FailoverFeed.Attempt> during = feed.attempts().stream()
                .filter(attempt -> attempt.answeredAt() >= downAt && attempt.sentAt() <= backAt)
                .toList();
        rows.add(new Row(
                part.name(),
                demo.month().toString(),
                Duration.ofNanos(backAt - downAt),
                longestWait(during),
                during.stream().filter(attempt -> attempt.status() == 503).count(),
                during.stream().filter(attempt -> attempt.status() == 0).count(),
                Duration.ofNanos(exact - Math.max(backAt, lastAccepted))));
        log.info("fault done: {}", rows.get(rows.size() - 1));
    }

    /** The longest time from a batch's first request to its 202, over the batches with a request in the window. */
    private Duration longestWait(List<FailoverFeed.Attempt> window) {
        Set<Integer> batches = new HashSet<>();
        window.forEach(attempt -> batches.add(attempt.batch()));
        Map<Integer, long[]> spans = new TreeMap<>();
        for (FailoverFeed.Attempt attempt : feed.attempts()) {
            if (batches.contains(attempt.batch())) {
                spans.merge(attempt.batch(), new long[] {attempt.sentAt(), attempt.answeredAt()}, (a, b) ->
                        new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        return Duration.ofNanos(spans.values().stream()
                .mapToLong(span -> span[1] - span[0])
                .max()
                .orElse(0));
    }

    private CompletableFuture<Integer> send(DemoMonth demo) {
        loaded.add(demo);
        // each month's case and event ids tagged with the month: the reference cases keep their ids in every month
        List<String> lines = EventFeed.lines(demo.events(), demo.month().toString());
        log.info("sending {}: {} events", demo.month(), lines.size());
        return CompletableFuture.supplyAsync(() -> feed.send(lines, BATCH, PACE));
    }

    private DemoMonth nextLoadMonth() {
        return DemoLoad.month(FIRST_LOAD_MONTH.plusMonths(nextMonth++));
    }

    private DemoMonth loaded(YearMonth month) {
        return loaded.stream()
                .filter(demo -> demo.month().equals(month))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The revisions of September's close stored so far, id → status, read from the other ranking instance's own
     * port: the gateway's response cache could answer a second late.
     */
    private Map<String, String> revisionsOfTheClose(ServiceProcess closing) {
        ServiceProcess other = minxin.instances(Service.RANKING).stream()
                .filter(instance -> instance != closing)
                .findFirst()
                .orElseThrow();
        Response response =
                minxin.direct(other, Role.OPERATOR).get("api/v1/rankings/" + SINGLETONS_MONTH + "/revisions");
        Map<String, String> revisions = new TreeMap<>();
        if (response.status() == 200) {
            response.json()
                    .forEach(revision -> revisions.put(
                            revision.path("id").asString(),
                            revision.path("status").asString()));
        }
        return revisions;
    }

    private void assertEveryEventNoticeAndDeliveryOnce() {
        List<String> expectedPushbacks = new ArrayList<>();
        for (DemoMonth demo : loaded) {
            DemoLoad.awaitOverview(dashboard, demo);
            DemoLoad.awaitUnits(dashboard, demo);
            demo.expected()
                    .pushbacks()
                    .forEach(pushback -> expectedPushbacks.add(demo.month() + "-" + pushback.caseId()));
        }
        Set<String> expectedDeliveries = new TreeSet<>(expectedPushbacks);
        assertThat(expectedDeliveries).as("the months' 较差件").hasSameSizeAs(expectedPushbacks);
        await("every 较差件 of the months a notice, once")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    Response notices = dashboard.get("api/v1/notices?type=" + PUSHBACK + "&limit=5000");
                    assertThat(notices.status()).isEqualTo(200);
                    List<String> caseIds = new ArrayList<>();
                    Set<String> ids = new HashSet<>();
                    notices.json().forEach(notice -> {
                        caseIds.add(notice.path("caseId").asString());
                        ids.add(notice.path("id").asString());
                    });
                    assertThat(caseIds).containsExactlyInAnyOrderElementsOf(expectedPushbacks);
                    assertThat(ids).hasSameSizeAs(caseIds);
                });
        DemoMonth september = loaded(SINGLETONS_MONTH);
        Map<String, List<String>> expectedLetters = new TreeMap<>();
        september
                .expected()
                .reminderLetterUnits()
                .forEach(unitId -> expectedLetters.put(
                        unitId,
                        september.expected().missedDutyDays().get(unitId).stream()
                                .limit(ExpectedTotals.REMINDER_LETTER_MISSED_DAYS)
                                .map(LocalDate::toString)
                                .toList()));
        await("one 提示函 per unit with four missed days of " + SINGLETONS_MONTH)
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> units = new ArrayList<>();
                    Map<String, List<String>> letters = new TreeMap<>();
                    dashboard.notices(DUTY_LETTER, SINGLETONS_MONTH).forEach(letter -> {
                        List<String> days = new ArrayList<>();
                        letter.path("facts").path("missedDays").forEach(day -> days.add(day.asString()));
                        units.add(letter.path("unitId").asString());
                        letters.put(letter.path("unitId").asString(), days);
                    });
                    assertThat(units).hasSameSizeAs(letters.keySet());
                    assertThat(letters).isEqualTo(expectedLetters);
                });
        await("every 较差件 delivered to the webhook, once")
                .atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    List<String> delivered = minxin.webhooks().received().stream()
                            .filter(body -> body.path("type").asString().equals(PUSHBACK))
                            .map(body -> body.path("caseId").asString())
                            .toList();
                    assertThat(new TreeSet<>(delivered)).isEqualTo(expectedDeliveries);
                    assertThat(delivered).hasSameSizeAs(expectedDeliveries);
                });
    }

    private void assertTheMonthClosedOnce() {
        Response response = operator.get("api/v1/rankings/" + SINGLETONS_MONTH + "/revisions");
        assertThat(response.status()).as("revisions: %s", response).isEqualTo(200);
        List<String> revisions = new ArrayList<>();
        Set<String> closedAt = new HashSet<>();
        response.json().forEach(revision -> {
            revisions.add(revision.path("channel").asString() + " "
                    + revision.path("revision").asInt() + " "
                    + revision.path("status").asString());
            closedAt.add(revision.path("closedAt").asString());
        });
        assertThat(revisions)
                .containsExactlyInAnyOrder(Channel.values()[0] + " 1 PUBLISHED", Channel.values()[1] + " 1 PUBLISHED");
        assertThat(closedAt).as("one close").hasSize(1);
        for (DemoMonth demo : loaded) {
            if (!demo.month().equals(SINGLETONS_MONTH)) {
                Response open = operator.get("api/v1/rankings/" + demo.month() + "/revisions");
                assertThat(open.json())
                        .as("%s is not due: never closed", demo.month())
                        .isEmpty();
            }
        }
    }

    private void report(long wallNanos) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                "ClusterFaultsIT: 3 brokers, 2 instances of %s; %s; wall %d s%n",
                RUNNING.stream().map(Service::artifact).toList(),
                ROUNDS == 0 ? "short rotation" : ROUNDS + " rotation(s)",
                seconds(wallNanos)));
        table.append(String.format(
                "%-42s %-8s %8s %14s %8s %11s %10s%n",
                "fault", "month", "down s", "longest wait s", "503s", "unanswered", "catch-up s"));
        for (Row row : rows) {
            table.append(String.format(
                    "%-42s %-8s %8.1f %14.1f %8d %11d %10.1f%n",
                    row.fault(),
                    row.month(),
                    row.down().toMillis() / 1000.0,
                    row.longestWait().toMillis() / 1000.0,
                    row.answered503(),
                    row.unanswered(),
                    row.catchUp().toMillis() / 1000.0));
        }
        log.info("fault table:\n{}", table);
        try {
            Files.writeString(
                    E2eSettings.fromSystemProperties().logs().resolve("cluster-faults-report.txt"),
                    table,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Part broker(int nodeId) {
        KafkaBroker broker = minxin.stack().broker(nodeId);
        return new Part() {
            @Override
            public String name() {
                return "kafka broker " + nodeId + " kill -9";
            }

            @Override
            public void down() {
                broker.kill();
            }

            @Override
            public void up() {
                broker.start();
            }
        };
    }

    private ServiceProcess instance(Service service, int instance) {
        return minxin.instances(service).get(instance - 1);
    }

    /** An instance killed with {@code kill -9} and started again, with {@code environment} added for the restart. */
    private static Part part(ServiceProcess process, Map<String, String> environment) {
        return new Part() {
            @Override
            public String name() {
                return label(process);
            }

            @Override
            public void down() {
                process.kill();
            }

            @Override
            public void up() {
                environment.forEach(process::environment);
                process.start();
                process.awaitHealthy();
            }
        };
    }

    private Part killed(Service service, int instance) {
        return part(instance(service, instance), Map.of());
    }

    /** The instance's artifact and number, {@code #1} too: the table names which of the two it was. */
    private static String label(ServiceProcess process) {
        return process.service().artifact() + "#" + process.instance() + " kill -9";
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos);
    }
}
