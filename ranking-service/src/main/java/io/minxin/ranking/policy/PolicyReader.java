package io.minxin.ranking.policy;

import io.minxin.events.Channel;
import io.minxin.events.problem.FieldViolation;
import io.minxin.ranking.engine.Fact;
import io.minxin.ranking.engine.Indicator;
import io.minxin.ranking.engine.RankingPolicy;
import io.minxin.ranking.engine.Rate;
import io.minxin.ranking.web.Requests;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads a policy from untrusted JSON and names every bad field at once, by its path
 * ({@code indicators[2].bands[1].points}). Optional fields get their defaults: minReceived 1, tieBreaks [RECEIVED],
 * top 5, rateEstimator RAW, nullRates RANK_LAST, no score view, no indicators, adjustments, tiers or lists. Rates
 * are named as the read APIs show them: {@code completionRate}, {@code onTimeRate}, {@code satisfactionRate},
 * {@code excellentRate}, {@code signInRate}, {@code validVisitRate}, {@code dispatchRate}, {@code feedbackRate}, and
 * in indicators also
 * {@code returnRate}, {@code reopenRate} and {@code supervisionRate}, where less is better; the
 * former names ({@code COMPLETION}, ...) are still accepted for this release, with a warning in the log that names
 * the new one.
 */
public final class PolicyReader {
    private static final Logger log = LoggerFactory.getLogger(PolicyReader.class);
    static final int DEFAULT_MIN_RECEIVED = 1;
    static final int DEFAULT_TOP = 5;
    static final int MAX_TOP = 1000;
    static final int MAX_DESCRIPTION = 500;
    /** Longest piece of rejected input quoted back in a message. */
    private static final int MAX_ECHO = 40;

    /** Written by the service (GET output), accepted back unchanged and ignored. */
    private static final Set<String> ASSIGNED = Set.of("id", "version", "createdAt");

    private static final List<String> KNOWN = List.of(
            "channel",
            "jurisdiction",
            "effectiveFrom",
            "description",
            "minReceived",
            "order",
            "weights",
            "rates",
            "tieBreaks",
            "top",
            "rateEstimator",
            "nullRates",
            "scoreView",
            "indicators",
            "adjustments",
            "tiers",
            "lists");

    private static final Set<String> INDICATOR_FIELDS =
            Set.of("rate", "weight", "scoring", "zeroAt", "fullAt", "bands", "minCases");
    static final int MAX_NAME = 40;

    /** What the policy is read for. */
    public enum Purpose {
        /** A new stored version: effectiveFrom is required. */
        STORE,
        /** A trial on one period: effectiveFrom is not needed. */
        WHAT_IF
    }

    /** Either a policy (version 0, not stored) or the violations; never both. */
    public record Result(RankingPolicy policy, List<FieldViolation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /**
     * A policy of the platform.
     *
     * @param channel the channel of the request path, or null when the body must name it
     */
    public static Result read(JsonNode body, Channel channel, Purpose purpose) {
        return read(body, channel, null, purpose);
    }

    /**
     * A policy of {@code jurisdiction} (null: the platform's). A {@code jurisdiction} in the body, as GET shows a
     * stored version, must name the same owner, so that a district's policy sent back without its query parameter is
     * refused rather than stored as the platform's.
     *
     * @param channel the channel of the request path, or null when the body must name it
     * @param jurisdiction the request's {@code ?jurisdiction=}, checked and trimmed; null for the platform's policy
     */
    public static Result read(JsonNode body, Channel channel, String jurisdiction, Purpose purpose) {
        return new Reading(body, purpose).read(channel, jurisdiction);
    }

    /** The mutable state of one read: the body and the violations found so far. */
    private static final class Reading {
        private final JsonNode body;
        private final Purpose purpose;
        private final List<FieldViolation> violations = new ArrayList<>();

        Reading(JsonNode body, Purpose purpose) {
            this.body = body;
            this.purpose = purpose;
        }

        Result read(Channel pathChannel, String jurisdiction) {
            if (body == null || !body.isObject()) {
                return new Result(null, List.of(FieldViolation.of("", "must be a JSON object")));
            }
            for (String name : body.propertyNames()) {
                if (!KNOWN.contains(name) && !ASSIGNED.contains(name)) {
                    violate(name, "unknown field; known fields are " + String.join(", ", KNOWN));
                }
            }
            Channel channel = channel(pathChannel);
            jurisdiction(jurisdiction);
            String effectiveFrom = effectiveFrom();
            String description = optionalText("description", MAX_DESCRIPTION);
            int minReceived = optionalInt("minReceived", DEFAULT_MIN_RECEIVED, 0, Integer.MAX_VALUE);
            RankingPolicy.OrderMethod order = requiredEnum("order", RankingPolicy.OrderMethod.class);
            List<Indicator> indicators = indicators(order);
            Map<Rate, Double> weights = weights(order, !indicators.isEmpty());
            List<Rate> rates = rates(order);
            List<RankingPolicy.TieBreak> tieBreaks = tieBreaks();
            int top = optionalInt("top", DEFAULT_TOP, 1, MAX_TOP);
            RankingPolicy.RateEstimator estimator =
                    optionalEnum("rateEstimator", RankingPolicy.RateEstimator.class, RankingPolicy.RateEstimator.RAW);
            RankingPolicy.NullRates nullRates =
                    optionalEnum("nullRates", RankingPolicy.NullRates.class, RankingPolicy.NullRates.RANK_LAST);
            RankingPolicy.ScoreView scoreView = scoreView();
            RankingPolicy.Adjustments adjustments = adjustments(order, scoreView != null);
            List<RankingPolicy.Tier> tiers = tiers(minReceived);
            List<RankingPolicy.NamedList> lists = lists();
            if (!violations.isEmpty()) {
                return new Result(null, List.copyOf(violations));
            }
            RankingPolicy policy = new RankingPolicy(
                    channel == null ? null : RankingPolicy.idFor(channel, jurisdiction),
                    0,
                    channel,
                    effectiveFrom,
                    description,
                    minReceived,
                    order,
                    weights,
                    rates,
                    tieBreaks,
                    top,
                    estimator,
                    nullRates,
                    scoreView,
                    null,
                    indicators,
                    adjustments,
                    tiers,
                    lists);
            return new Result(policy, List.of());
        }

        private Channel channel(Channel pathChannel) {
            JsonNode node = body.get("channel");
            if (absent(node)) {
                if (pathChannel == null) {
                    violate("channel", "required, one of " + names(Channel.class));
                }
                return pathChannel;
            }
            Channel named = enumOf("channel", node, Channel.class);
            if (named != null && pathChannel != null && named != pathChannel) {
                violate("channel", "is " + named + " but the path names " + pathChannel);
            }
            return named;
        }

        /** A body's {@code jurisdiction} (optional) must name the owner the request names. */
        private void jurisdiction(String requested) {
            JsonNode node = body.get("jurisdiction");
            if (absent(node)) {
                return;
            }
            if (!node.isString()) {
                violate("jurisdiction", "must be a jurisdiction id, as ?jurisdiction= names it");
                return;
            }
            String named = node.asString().trim();
            if (requested == null) {
                violate(
                        "jurisdiction",
                        "is '" + shown(named) + "' but the request names the platform's policy; send it with"
                                + " ?jurisdiction=" + shown(named) + ", or leave the field out");
            } else if (!named.equals(requested)) {
                violate("jurisdiction", "is '" + shown(named) + "' but the request names jurisdiction " + requested);
            }
        }

        private String effectiveFrom() {
            JsonNode node = body.get("effectiveFrom");
            if (absent(node)) {
                if (purpose == Purpose.STORE) {
                    violate("effectiveFrom", "required: the first period (YYYY-MM) this version applies to");
                }
                return null;
            }
            if (!node.isString() || !Requests.isPeriod(node.asString())) {
                violate("effectiveFrom", "must be a period YYYY-MM, e.g. 2020-09");
                return null;
            }
            return node.asString();
        }

        private Map<Rate, Double> weights(RankingPolicy.OrderMethod order, boolean indicatorsGiven) {
            JsonNode node = body.get("weights");
            boolean empty = absent(node) || (node.isObject() && node.isEmpty());
            if (order != RankingPolicy.OrderMethod.WEIGHTED) {
                if (!empty && order != null) {
                    violate("weights", "only a WEIGHTED order uses weights; remove them or make the order WEIGHTED");
                }
                return Map.of();
            }
            if (indicatorsGiven) {
                if (!empty) {
                    violate("weights", "give either weights or indicators, not both: indicators are the full form");
                }
                return Map.of();
            }
            if (empty) {
                violate(
                        "weights",
                        "required by a WEIGHTED order (or indicators): an object of rate to weight, rates being "
                                + higherRateNames());
                return Map.of();
            }
            if (!node.isObject()) {
                violate("weights", "must be an object of rate to weight, e.g. {\"completionRate\": 0.2}");
                return Map.of();
            }
            Map<Rate, Double> weights = new EnumMap<>(Rate.class);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String field = "weights." + entry.getKey();
                Rate rate = higherIsBetter(field, rate(field, entry.getKey(), higherRateNames()));
                Double weight = number(field, entry.getValue(), 0, 1_000);
                if (rate != null && weight != null) {
                    weights.put(rate, weight);
                }
            }
            if (!weights.isEmpty() && weights.values().stream().allMatch(weight -> weight == 0)) {
                violate("weights", "at least one weight must be above 0");
            }
            return weights;
        }

        private List<Rate> rates(RankingPolicy.OrderMethod order) {
            JsonNode node = body.get("rates");
            boolean empty = absent(node) || (node.isArray() && node.isEmpty());
            if (order != RankingPolicy.OrderMethod.LEXICOGRAPHIC) {
                if (!empty && order != null) {
                    violate(
                            "rates",
                            "only a LEXICOGRAPHIC order uses rates; remove them or make the order " + "LEXICOGRAPHIC");
                }
                return List.of();
            }
            if (empty) {
                violate("rates", "required by a LEXICOGRAPHIC order: a list of " + higherRateNames());
                return List.of();
            }
            if (!node.isArray()) {
                violate("rates", "must be a list of " + higherRateNames());
                return List.of();
            }
            List<Rate> rates = new ArrayList<>();
            int i = 0;
            for (JsonNode item : node.values()) {
                String at = "rates[" + i++ + "]";
                Rate rate = item.isString()
                        ? higherIsBetter(at, rate(at, item.asString(), higherRateNames()))
                        : reject(at, "must be one of " + higherRateNames());
                if (rate != null && rates.contains(rate)) {
                    violate(at, rate.fieldName() + " is listed twice");
                } else if (rate != null) {
                    rates.add(rate);
                }
            }
            return rates;
        }

        /** A rate by its name; its former enum name is read too, with a warning naming the new one. */
        private Rate rate(String field, String name, String choices) {
            Rate rate = Rate.named(name).orElse(null);
            if (rate == null) {
                return reject(field, "unknown rate '" + shown(name) + "'; one of " + choices);
            }
            if (Rate.isFormerName(name)) {
                log.warn(
                        "policy field {} names the rate {} by its former name; it is {} (the former names are read"
                                + " for this release only)",
                        field,
                        name,
                        rate.fieldName());
            }
            return rate;
        }

        /** A rate where less is better has no place where the larger value ranks first. */
        private Rate higherIsBetter(String field, Rate rate) {
            if (rate != null && !rate.higherIsBetter()) {
                return reject(
                        field,
                        "less " + rate.fieldName() + " is better, so it is ranked on only through indicators (e.g."
                                + " LINEAR with zeroAt 1 and fullAt 0)");
            }
            return rate;
        }

        private List<Indicator> indicators(RankingPolicy.OrderMethod order) {
            JsonNode node = body.get("indicators");
            if (absent(node) || (node.isArray() && node.isEmpty())) {
                return List.of();
            }
            if (order != RankingPolicy.OrderMethod.WEIGHTED) {
                if (order != null) {
                    violate(
                            "indicators",
                            "only a WEIGHTED order uses indicators; remove them or make the order WEIGHTED");
                }
                return List.of();
            }
            List<Indicator> indicators = new ArrayList<>();
            Set<Rate> seen = EnumSet.noneOf(Rate.class);
            for (Map.Entry<String, JsonNode> entry : objects("indicators", node, "{rate, weight, scoring, ...}")) {
                String at = entry.getKey();
                Indicator indicator = indicator(at, entry.getValue());
                if (indicator != null && !seen.add(indicator.rate())) {
                    violate(at + ".rate", indicator.rate().fieldName() + " is scored twice");
                } else if (indicator != null) {
                    indicators.add(indicator);
                }
            }
            if (!indicators.isEmpty() && indicators.stream().allMatch(indicator -> indicator.weight() == 0)) {
                violate("indicators", "at least one weight must be above 0");
            }
            return indicators;
        }

        private Indicator indicator(String at, JsonNode item) {
            unknownFields(at, item, INDICATOR_FIELDS);
            Rate rate = absent(item.get("rate"))
                    ? reject(at + ".rate", "required, one of " + rateNames())
                    : item.get("rate").isString()
                            ? rate(at + ".rate", item.get("rate").asString(), rateNames())
                            : reject(at + ".rate", "must be one of " + rateNames());
            Double weight = absent(item.get("weight"))
                    ? reject(at + ".weight", "required: the points the indicator is worth at most, e.g. 40")
                    : number(at + ".weight", item.get("weight"), 0, 1_000);
            JsonNode minNode = item.get("minCases");
            Long minCases = absent(minNode)
                    ? null
                    : minNode.isIntegralNumber() && minNode.canConvertToLong() && minNode.longValue() >= 1
                            ? Long.valueOf(minNode.longValue())
                            : reject(
                                    at + ".minCases",
                                    "must be a whole number from 1: the fewest cases the rate counts on");
            Indicator.Scoring scoring = absent(item.get("scoring"))
                    ? Indicator.Scoring.LINEAR
                    : enumOf(at + ".scoring", item.get("scoring"), Indicator.Scoring.class);
            if (scoring == Indicator.Scoring.BANDS) {
                for (String linearOnly : List.of("zeroAt", "fullAt")) {
                    if (!absent(item.get(linearOnly))) {
                        violate(at + "." + linearOnly, "only a LINEAR scoring uses " + linearOnly);
                    }
                }
                List<Indicator.Band> bands = bands(at + ".bands", item.get("bands"), rate);
                return rate == null || weight == null || bands.isEmpty()
                        ? null
                        : new Indicator(rate, weight, scoring, null, null, bands, minCases);
            }
            JsonNode bandsNode = item.get("bands");
            if (!absent(bandsNode) && !(bandsNode.isArray() && bandsNode.isEmpty())) {
                violate(at + ".bands", "only a BANDS scoring uses bands");
            }
            Double zeroAt = absent(item.get("zeroAt")) ? null : number(at + ".zeroAt", item.get("zeroAt"), 0, 1);
            Double fullAt = absent(item.get("fullAt")) ? null : number(at + ".fullAt", item.get("fullAt"), 0, 1);
            double zero = zeroAt == null ? 0 : zeroAt;
            double full = fullAt == null ? 1 : fullAt;
            if (rate != null && rate.higherIsBetter() && zero >= full) {
                violate(at + ".fullAt", "must be above zeroAt (" + zero + "): more " + rate.fieldName() + " is better");
            } else if (rate != null && !rate.higherIsBetter() && zero <= full) {
                violate(
                        at + ".fullAt",
                        "must be below zeroAt (" + zero + "): less " + rate.fieldName()
                                + " is better (e.g. zeroAt 1, fullAt 0)");
            }
            return rate == null || weight == null || scoring == null
                    ? null
                    : new Indicator(rate, weight, scoring, zeroAt, fullAt, List.of(), minCases);
        }

        /**
         * Bands ascending by from, the first from 0, and points that never reward the worse rate: not falling as a rate
         * where more is better rises, not rising as one where less is better does.
         */
        private List<Indicator.Band> bands(String field, JsonNode node, Rate rate) {
            if (absent(node) || (node.isArray() && node.isEmpty())) {
                violate(field, "required by a BANDS scoring: a list of {from, points}, the first from 0");
                return List.of();
            }
            if (!node.isArray()) {
                violate(field, "must be a list of {from, points}, the first from 0");
                return List.of();
            }
            List<Indicator.Band> bands = new ArrayList<>();
            int i = 0;
            Indicator.Band previous = null;
            for (JsonNode item : node.values()) {
                String at = field + "[" + i + "]";
                if (!item.isObject()) {
                    violate(at, "must be an object {from, points}");
                    i++;
                    continue;
                }
                unknownFields(at, item, Set.of("from", "points"));
                Double from = absent(item.get("from"))
                        ? reject(at + ".from", "required: the rate the band starts at (included), e.g. 0.9")
                        : number(at + ".from", item.get("from"), 0, 1);
                Double points = absent(item.get("points"))
                        ? reject(at + ".points", "required: the band's points, e.g. 0.5")
                        : number(at + ".points", item.get("points"), 0, 1_000);
                if (from != null && i == 0 && from != 0) {
                    violate(at + ".from", "the first band must start at 0, so that every rate has a band");
                } else if (from != null && previous != null && from <= previous.from()) {
                    violate(at + ".from", "must be above the previous band's from (" + previous.from() + ")");
                }
                if (points != null && previous != null && rate != null) {
                    if (rate.higherIsBetter() && points < previous.points()) {
                        violate(
                                at + ".points",
                                "must not be below the previous band's points (" + previous.points() + "): more "
                                        + rate.fieldName() + " is better");
                    } else if (!rate.higherIsBetter() && points > previous.points()) {
                        violate(
                                at + ".points",
                                "must not be above the previous band's points (" + previous.points() + "): less "
                                        + rate.fieldName() + " is better");
                    }
                }
                if (from != null && points != null) {
                    previous = new Indicator.Band(from, points);
                    bands.add(previous);
                }
                i++;
            }
            return bands.size() == i ? bands : List.of();
        }

        private RankingPolicy.Adjustments adjustments(RankingPolicy.OrderMethod order, boolean scoreView) {
            JsonNode node = body.get("adjustments");
            if (absent(node)) {
                return null;
            }
            if (order != RankingPolicy.OrderMethod.WEIGHTED) {
                if (order != null) {
                    violate("adjustments", "only a WEIGHTED order has a score to adjust; use scoreView to show 加分/减分");
                }
                return null;
            }
            if (scoreView) {
                violate("adjustments", "a policy has either a scoreView (shown) or adjustments (counted), not both");
                return null;
            }
            if (!node.isObject()) {
                violate("adjustments", "must be an object {bonuses, penalties}");
                return null;
            }
            unknownFields("adjustments", node, Set.of("bonuses", "penalties"));
            return new RankingPolicy.Adjustments(
                    rules("adjustments.bonuses", node.get("bonuses")),
                    rules("adjustments.penalties", node.get("penalties")));
        }

        private List<RankingPolicy.Tier> tiers(int minReceived) {
            JsonNode node = body.get("tiers");
            if (absent(node) || (node.isArray() && node.isEmpty())) {
                return List.of();
            }
            List<RankingPolicy.Tier> tiers = new ArrayList<>();
            Set<String> names = new HashSet<>();
            Set<Long> floors = new HashSet<>();
            for (Map.Entry<String, JsonNode> entry : objects("tiers", node, "{name, minReceived}")) {
                String at = entry.getKey();
                JsonNode item = entry.getValue();
                unknownFields(at, item, Set.of("name", "minReceived"));
                String name = name(at + ".name", item.get("name"), names);
                JsonNode floor = item.get("minReceived");
                Long min =
                        absent(floor) || !floor.isIntegralNumber() || !floor.canConvertToLong() || floor.longValue() < 0
                                ? reject(
                                        at + ".minReceived",
                                        "required: a whole number from 0, the tier's least cases received")
                                : Long.valueOf(floor.longValue());
                if (min != null && !floors.add(min)) {
                    violate(at + ".minReceived", min + " is another tier's minReceived");
                } else if (name != null && min != null) {
                    tiers.add(new RankingPolicy.Tier(name, min));
                }
            }
            long lowest = tiers.stream()
                    .mapToLong(RankingPolicy.Tier::minReceived)
                    .min()
                    .orElse(0);
            if (lowest > minReceived) {
                violate(
                        "tiers",
                        "the lowest tier's minReceived (" + lowest + ") must be at most minReceived (" + minReceived
                                + "), so that every eligible unit has a tier");
            }
            return tiers;
        }

        private List<RankingPolicy.NamedList> lists() {
            JsonNode node = body.get("lists");
            if (absent(node) || (node.isArray() && node.isEmpty())) {
                return List.of();
            }
            List<RankingPolicy.NamedList> lists = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Map.Entry<String, JsonNode> entry : objects("lists", node, "{name, from, size}")) {
                String at = entry.getKey();
                JsonNode item = entry.getValue();
                unknownFields(at, item, Set.of("name", "from", "size"));
                String name = name(at + ".name", item.get("name"), names);
                RankingPolicy.ListEnd from = absent(item.get("from"))
                        ? reject(at + ".from", "required, one of " + names(RankingPolicy.ListEnd.class))
                        : enumOf(at + ".from", item.get("from"), RankingPolicy.ListEnd.class);
                JsonNode sizeNode = item.get("size");
                Integer size = absent(sizeNode)
                                || !sizeNode.isIntegralNumber()
                                || !sizeNode.canConvertToInt()
                                || sizeNode.intValue() < 1
                                || sizeNode.intValue() > MAX_TOP
                        ? reject(at + ".size", "required: a whole number from 1 to " + MAX_TOP)
                        : Integer.valueOf(sizeNode.intValue());
                if (name != null && from != null && size != null) {
                    lists.add(new RankingPolicy.NamedList(name, from, size));
                }
            }
            return lists;
        }

        /**
         * The objects of the list {@code field}, each with its path ({@code field[i]}); a list that is not one, and
         * an item that is not an object, are named as violations and left out.
         */
        private List<Map.Entry<String, JsonNode>> objects(String field, JsonNode node, String shape) {
            if (!node.isArray()) {
                violate(field, "must be a list of " + shape);
                return List.of();
            }
            List<Map.Entry<String, JsonNode>> items = new ArrayList<>();
            int i = 0;
            for (JsonNode item : node.values()) {
                String at = field + "[" + i++ + "]";
                if (item.isObject()) {
                    items.add(Map.entry(at, item));
                } else {
                    violate(at, "must be an object " + shape);
                }
            }
            return items;
        }

        /** A required, non-blank, short name not in {@code taken}, which it joins. */
        private String name(String field, JsonNode node, Set<String> taken) {
            if (absent(node) || !node.isString() || node.asString().isBlank()) {
                return reject(field, "required: a name of up to " + MAX_NAME + " characters, e.g. 红榜");
            }
            String name = node.asString();
            if (name.length() > MAX_NAME) {
                return reject(field, "must be at most " + MAX_NAME + " characters");
            }
            if (!taken.add(name)) {
                return reject(field, "'" + shown(name) + "' is named twice");
            }
            return name;
        }

        private void unknownFields(String at, JsonNode node, Set<String> known) {
            for (String name : node.propertyNames()) {
                if (!known.contains(name)) {
                    violate(
                            at + "." + name,
                            "unknown field; known fields are "
                                    + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }

        private List<RankingPolicy.TieBreak> tieBreaks() {
            JsonNode node = body.get("tieBreaks");
            if (absent(node)) {
                return List.of(RankingPolicy.TieBreak.RECEIVED);
            }
            return distinctEnums("tieBreaks", node, RankingPolicy.TieBreak.class);
        }

        private RankingPolicy.ScoreView scoreView() {
            JsonNode node = body.get("scoreView");
            if (absent(node)) {
                return null;
            }
            if (!node.isObject()) {
                violate("scoreView", "must be an object {base, bonuses, penalties}");
                return null;
            }
            for (String name : node.propertyNames()) {
                if (!Set.of("base", "bonuses", "penalties").contains(name)) {
                    violate("scoreView." + name, "unknown field; known fields are base, bonuses, penalties");
                }
            }
            JsonNode base = node.get("base");
            Double baseValue = absent(base)
                    ? reject("scoreView.base", "required, e.g. 10")
                    : number("scoreView.base", base, -1_000_000, 1_000_000);
            List<RankingPolicy.ScoreRule> bonuses = rules("scoreView.bonuses", node.get("bonuses"));
            List<RankingPolicy.ScoreRule> penalties = rules("scoreView.penalties", node.get("penalties"));
            return baseValue == null ? null : new RankingPolicy.ScoreView(baseValue, bonuses, penalties);
        }

        private List<RankingPolicy.ScoreRule> rules(String field, JsonNode node) {
            if (absent(node)) {
                return List.of();
            }
            List<RankingPolicy.ScoreRule> rules = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : objects(field, node, "{fact, points}")) {
                String at = entry.getKey();
                JsonNode item = entry.getValue();
                Fact fact = absent(item.get("fact"))
                        ? reject(at + ".fact", "required, one of " + names(Fact.class))
                        : enumOf(at + ".fact", item.get("fact"), Fact.class);
                Double points = absent(item.get("points"))
                        ? reject(at + ".points", "required: points per occurrence, e.g. 0.02")
                        : number(at + ".points", item.get("points"), 0, 1_000);
                Double cap = absent(item.get("cap")) ? null : number(at + ".cap", item.get("cap"), 0, 1_000_000);
                if (fact != null && points != null) {
                    rules.add(new RankingPolicy.ScoreRule(fact, points, cap));
                }
            }
            return rules;
        }

        private String optionalText(String field, int max) {
            JsonNode node = body.get(field);
            if (absent(node)) {
                return null;
            }
            if (!node.isString()) {
                return reject(field, "must be a string");
            }
            if (node.asString().length() > max) {
                return reject(field, "must be at most " + max + " characters");
            }
            return node.asString();
        }

        private int optionalInt(String field, int defaultValue, int min, int max) {
            JsonNode node = body.get(field);
            if (absent(node)) {
                return defaultValue;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
                violate(
                        field,
                        "must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
                return defaultValue;
            }
            return node.intValue();
        }

        private Double number(String field, JsonNode node, double min, double max) {
            if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
                return reject(field, "must be a number");
            }
            double value = node.doubleValue();
            if (value < min || value > max) {
                return reject(field, "must be from " + min + " to " + max);
            }
            return value;
        }

        private <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
            JsonNode node = body.get(field);
            if (absent(node)) {
                return reject(field, "required, one of " + names(type));
            }
            return enumOf(field, node, type);
        }

        private <E extends Enum<E>> E optionalEnum(String field, Class<E> type, E defaultValue) {
            JsonNode node = body.get(field);
            if (absent(node)) {
                return defaultValue;
            }
            E value = enumOf(field, node, type);
            return value == null ? defaultValue : value;
        }

        private <E extends Enum<E>> List<E> distinctEnums(String field, JsonNode node, Class<E> type) {
            if (!node.isArray()) {
                violate(field, "must be a list of " + names(type));
                return List.of();
            }
            List<E> values = new ArrayList<>();
            Set<E> seen = new HashSet<>();
            int i = 0;
            for (JsonNode item : node.values()) {
                String at = field + "[" + i++ + "]";
                E value = enumOf(at, item, type);
                if (value != null && !seen.add(value)) {
                    violate(at, value + " is listed twice");
                } else if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }

        private <E extends Enum<E>> E enumOf(String field, JsonNode node, Class<E> type) {
            if (!node.isString()) {
                return reject(field, "must be one of " + names(type));
            }
            return enumOf(field, node.asString(), type);
        }

        private <E extends Enum<E>> E enumOf(String field, String text, Class<E> type) {
            Map<String, E> byName = new LinkedHashMap<>();
            for (E constant : type.getEnumConstants()) {
                byName.put(constant.name(), constant);
            }
            E value = byName.get(text);
            if (value != null) {
                return value;
            }
            return reject(field, "unknown value '" + shown(text) + "'; one of " + names(type));
        }

        private <T> T reject(String field, String message) {
            violate(field, message);
            return null;
        }

        private void violate(String field, String message) {
            violations.add(FieldViolation.of(field, message));
        }
    }

    private static String shown(String text) {
        return text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
    }

    private static String rateNames() {
        return String.join(", ", Rate.names());
    }

    private static String higherRateNames() {
        return String.join(", ", Rate.higherIsBetterNames());
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(
                ", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private PolicyReader() {}
}
