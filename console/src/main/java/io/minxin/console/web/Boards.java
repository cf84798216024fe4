package io.minxin.console.web;

import io.minxin.console.api.ApiFailure;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/**
 * The answer of an htmx form whose page is a board (a form above a list: keys, subscriptions, accounts, exclusions):
 * the board again, listed afresh after the action, with what the action did; or, when the API refused the action,
 * with why and with what was typed, for the form to show again.
 */
public final class Boards {

    /**
     * @param action the API call; its result (none for a call without one) goes to {@code done}
     * @param list the board's items, asked for after the action (or after its refusal)
     * @param board the board's view and model for the items
     * @param done adds what the action did to the model
     * @param typed what the form sent, shown again after a refusal; null: nothing to show again
     */
    public static <T, L> Mono<Rendering> answer(
            Mono<T> action,
            Mono<L> list,
            Function<L, Rendering.Builder<?>> board,
            BiFunction<Rendering.Builder<?>, T, Rendering.Builder<?>> done,
            Refusal.Sentences refused,
            Map<String, ?> typed) {
        return action.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(result -> list.map(items ->
                        done.apply(board.apply(items), result.orElse(null)).build()))
                .onErrorResume(
                        Refusal::isRefusal,
                        failure -> list.map(items -> {
                            Rendering.Builder<?> answer = board.apply(items)
                                    .modelAttribute("refusal", Refusal.of((ApiFailure) failure, refused));
                            return (typed == null ? answer : answer.modelAttribute("typed", typed)).build();
                        }));
    }

    private Boards() {}
}
