package io.minxin.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.minxin.demo.DemoMonth;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference month, September 2020, loaded once per test run through the gateway and closed by an operator:
 * what the end-to-end test checks and what gives the deploy checks their business metrics.
 */
public final class DemoSeptember {
    private static final Logger log = LoggerFactory.getLogger(DemoSeptember.class);

    /**
     * The loaded month.
     *
     * @param sent events the gateway answered 202 for
     * @param acceptedCounted how much intake's accepted counter grew while they were sent
     * @param closeResponse the operator's close answer
     */
    public record Loaded(DemoMonth demo, int sent, double acceptedCounted, Response closeResponse) {}

    private static Loaded loaded;
    private static RuntimeException failure;
    private static AssertionError failedAssertion;

    /** Loads and closes the month on the first call; later calls get the same result, or the same failure. */
    public static synchronized Loaded loadAndClose(Minxin minxin) {
        if (loaded == null && failure == null && failedAssertion == null) {
            try {
                loaded = load(minxin);
            } catch (RuntimeException e) {
                failure = e;
            } catch (AssertionError e) {
                failedAssertion = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("loading the demo month failed earlier in this run", failure);
        }
        if (failedAssertion != null) {
            throw new AssertionError("loading the demo month failed earlier in this run", failedAssertion);
        }
        return loaded;
    }

    private static Loaded load(Minxin minxin) {
        Response subscribed =
                minxin.subscribeToPushbacks("e2e receiver", minxin.webhooks().url());
        assertThat(subscribed.status())
                .as("webhook subscription: %s", subscribed)
                .isEqualTo(201);
        DemoMonth demo = DemoMonth.generate();
        List<String> lines = EventFeed.lines(demo.events(), null);
        double before = acceptedTotal(minxin);
        long start = System.nanoTime();
        int sent = DemoLoad.feed(minxin).send(lines, DemoLoad.BATCH);
        log.info("demo month {}: {} events sent in {} ms", demo.month(), sent, (System.nanoTime() - start) / 1_000_000);
        double counted = acceptedTotal(minxin) - before;

        Dashboard dashboard = DemoLoad.dashboard(minxin);
        DemoLoad.awaitOverview(dashboard, demo);
        DemoLoad.awaitRankingInputs(dashboard, demo);
        log.info("demo month {} projected after {} ms", demo.month(), (System.nanoTime() - start) / 1_000_000);

        Response close = minxin.gateway()
                .post("api/v1/periods/" + demo.month() + "/close", minxin.keys().operator());
        assertThat(close.status()).as("close %s: %s", demo.month(), close).isEqualTo(200);
        return new Loaded(demo, sent, counted, close);
    }

    /** The sum of intake's accepted counter over all its labels. */
    public static double acceptedTotal(Minxin minxin) {
        return Scrape.of(minxin.service(Service.INTAKE)).sum("minxin_intake_events_accepted_total");
    }

    private DemoSeptember() {}
}
