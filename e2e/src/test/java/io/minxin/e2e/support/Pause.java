package io.minxin.e2e.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Lets time pass on purpose (an outage that lasts, a point in a load run), through Awaitility. */
public final class Pause {

    public static void lasting(Duration duration, String why) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        await(why).atMost(duration.plusSeconds(5)).pollDelay(duration).until(() -> true);
    }

    private Pause() {}
}
