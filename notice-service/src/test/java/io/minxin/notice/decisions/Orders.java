package io.minxin.notice.decisions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every order of a few items, for projections that must not depend on the order decisions arrive in. */
public final class Orders {
    public static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    /** The order, then each item again (a redelivery, or DecisionLog's application and the consumer's). */
    public static <T> List<T> twice(List<T> order) {
        List<T> backwards = new ArrayList<>(order);
        Collections.reverse(backwards);
        List<T> again = new ArrayList<>(order);
        again.addAll(backwards);
        return again;
    }

    private Orders() {}
}
