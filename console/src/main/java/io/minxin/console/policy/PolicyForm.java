package io.minxin.console.policy;

import io.minxin.console.api.Policy;
import io.minxin.events.state.Rates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;

/**
 * The policy form of one channel as typed: every field a string, so that what the API refused is shown again as it
 * was typed. It opens with the channel's current version and turns into the JSON the policy API reads: numbers where
 * they are numbers, anything else as typed (the API names it), and what the form does not edit (the score view and
 * the policy language: indicators, adjustments, tiers, lists) taken over from the current version.
 *
 * @param weights rate name → weight, for a WEIGHTED order: one for each of {@link Rates#RANKABLE}, the rates where
 *     more is better (回退率 and 重办率 only through an indicator scoring less as better, which this form does not edit)
 * @param rates the rates compared one after another, for a LEXICOGRAPHIC order ({@link #RATE_SLOTS} slots)
 * @param tieBreaks applied in turn on equal order ({@link #TIE_BREAK_SLOTS} slots)
 * @param period the month the 预览 ranks
 */
record PolicyForm(
        String effectiveFrom,
        String description,
        String order,
        Map<String, String> weights,
        List<String> rates,
        List<String> tieBreaks,
        String top,
        String minReceived,
        String rateEstimator,
        String nullRates,
        String period) {
    static final int RATE_SLOTS = Rates.RANKABLE.size();
    static final int TIE_BREAK_SLOTS = PolicyTerms.TIE_BREAKS.size();

    static PolicyForm of(Policy policy, String period) {
        Map<String, String> weights = new LinkedHashMap<>();
        for (String rate : Rates.RANKABLE) {
            Double weight = policy.weights().get(rate);
            weights.put(rate, weight == null ? "" : plain(weight));
        }
        return new PolicyForm(
                text(policy.effectiveFrom()),
                text(policy.description()),
                text(policy.order()),
                weights,
                slots(policy.rates(), RATE_SLOTS),
                slots(policy.tieBreaks(), TIE_BREAK_SLOTS),
                Integer.toString(policy.top()),
                Integer.toString(policy.minReceived()),
                text(policy.rateEstimator()),
                text(policy.nullRates()),
                period);
    }

    static PolicyForm of(MultiValueMap<String, String> form, String period) {
        Map<String, String> weights = new LinkedHashMap<>();
        for (String rate : Rates.RANKABLE) {
            weights.put(rate, field(form, "weights." + rate));
        }
        List<String> rates = new ArrayList<>();
        for (int i = 0; i < RATE_SLOTS; i++) {
            rates.add(field(form, "rates[" + i + "]"));
        }
        List<String> tieBreaks = new ArrayList<>();
        for (int i = 0; i < TIE_BREAK_SLOTS; i++) {
            tieBreaks.add(field(form, "tieBreaks[" + i + "]"));
        }
        return new PolicyForm(
                field(form, "effectiveFrom"),
                field(form, "description"),
                field(form, "order"),
                weights,
                rates,
                tieBreaks,
                field(form, "top"),
                field(form, "minReceived"),
                field(form, "rateEstimator"),
                field(form, "nullRates"),
                period);
    }

    /** The policy API's body for {@code current}'s channel; blank fields are left out (the API has defaults). */
    Map<String, Object> body(Policy current) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", current.channel().name());
        putText(body, "effectiveFrom", effectiveFrom);
        putText(body, "description", description);
        putText(body, "order", order);
        if ("WEIGHTED".equals(order)) {
            Map<String, Object> typed = new LinkedHashMap<>();
            weights.forEach((rate, weight) -> {
                if (!weight.isBlank()) {
                    typed.put(rate, number(weight));
                }
            });
            body.put("weights", typed);
        }
        if ("LEXICOGRAPHIC".equals(order)) {
            body.put("rates", rates.stream().filter(rate -> !rate.isBlank()).toList());
        }
        body.put(
                "tieBreaks",
                tieBreaks.stream().filter(tieBreak -> !tieBreak.isBlank()).toList());
        putNumber(body, "top", top);
        putNumber(body, "minReceived", minReceived);
        putText(body, "rateEstimator", rateEstimator);
        putText(body, "nullRates", nullRates);
        if (current.scoreView() != null) {
            body.put("scoreView", current.scoreView());
        }
        if (!current.indicators().isEmpty()) {
            body.put("indicators", current.indicators());
        }
        if (current.adjustments() != null) {
            body.put("adjustments", current.adjustments());
        }
        if (!current.tiers().isEmpty()) {
            body.put("tiers", current.tiers());
        }
        if (!current.lists().isEmpty()) {
            body.put("lists", current.lists());
        }
        return body;
    }

    private static void putText(Map<String, Object> body, String field, String value) {
        if (!value.isBlank()) {
            body.put(field, value);
        }
    }

    private static void putNumber(Map<String, Object> body, String field, String value) {
        if (!value.isBlank()) {
            body.put(field, number(value));
        }
    }

    /** A number as JSON wants it (a whole number stays whole), or the text for the API to name as no number. */
    private static Object number(String typed) {
        try {
            BigDecimal value = new BigDecimal(typed);
            return value.scale() <= 0 ? (Object) value.toBigIntegerExact() : value;
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return typed;
        }
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static List<String> slots(List<String> values, int size) {
        List<String> slots = new ArrayList<>(values);
        while (slots.size() < size) {
            slots.add("");
        }
        return slots;
    }

    private static String field(MultiValueMap<String, String> form, String name) {
        return text(form.getFirst(name));
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
