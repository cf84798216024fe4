package io.minxin.console.period;

import io.minxin.console.api.ApiFailure;
import io.minxin.console.web.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The closes this console started and how each ended. The API answers a close only when it is done (frozen,
 * published, audited), which can take a while; the page does not wait for it but polls the period's revisions, and
 * learns from here whether the close is still under way, finished, or was refused. One attempt per period at a time:
 * a second click while one runs joins it. Held in memory: after a restart the revisions alone tell the state.
 */
@Component
class CloseAttempts {
    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    CloseAttempts() {
        this(Clock.systemUTC());
    }

    CloseAttempts(Clock clock) {
        this.clock = clock;
    }

    /** How a close ended, as far as this console knows. */
    enum Outcome {
        /** The API has not answered yet. */
        RUNNING,
        /** Closed, published and audited. */
        DONE,
        /** The API said no, and why ({@link Attempt#failure}). */
        REFUSED,
        /** No answer in time (or a 5xx): the close may still complete; the revisions tell. */
        NO_ANSWER
    }

    /** One close: when it started and how it ended. */
    record Attempt(Instant startedAt, Outcome outcome, ApiFailure failure) {
        boolean running() {
            return outcome == Outcome.RUNNING;
        }
    }

    /** Starts the close unless one of the period runs already; answers the attempt that runs. */
    Attempt start(String period, Supplier<Mono<?>> close) {
        Attempt started = new Attempt(clock.instant(), Outcome.RUNNING, null);
        Attempt running =
                attempts.compute(period, (key, current) -> current != null && current.running() ? current : started);
        if (running == started) {
            close.get()
                    .subscribe(
                            answered -> {},
                            failure -> attempts.put(period, ended(started, failure)),
                            () -> attempts.put(period, new Attempt(started.startedAt(), Outcome.DONE, null)));
        }
        return running;
    }

    private static Attempt ended(Attempt started, Throwable failure) {
        if (Refusal.isRefusal(failure)) {
            return new Attempt(started.startedAt(), Outcome.REFUSED, (ApiFailure) failure);
        }
        return new Attempt(started.startedAt(), Outcome.NO_ANSWER, null);
    }

    Optional<Attempt> of(String period) {
        return Optional.ofNullable(attempts.get(period));
    }

    Instant now() {
        return clock.instant();
    }
}
