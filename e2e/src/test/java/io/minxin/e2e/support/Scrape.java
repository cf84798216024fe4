package io.minxin.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus} (Prometheus text format), read into samples. */
public final class Scrape {
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");

    /** One line: metric name, its labels as written ({@code a="x",b="y"}, empty when none) and value. */
    public record Sample(String name, String labels, double value) {}

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = SAMPLE.matcher(line.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            String labels = matcher.group(3) == null ? "" : matcher.group(3);
            samples.add(new Sample(matcher.group(1), labels, value(matcher.group(4))));
        }
        return new Scrape(samples);
    }

    /** Scrapes a service now. */
    public static Scrape of(ServiceProcess service) {
        Response response = service.api().get("actuator/prometheus");
        if (response.status() != 200) {
            throw new IllegalStateException(service.service().artifact() + " /actuator/prometheus: " + response);
        }
        return parse(response.text());
    }

    /** Every sample name, e.g. {@code x_total}, {@code x_bucket}, {@code x_count}. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The sum of the samples of {@code name} over all their labels. */
    public double sum(String name) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** The sum of the samples of {@code name} that have the label {@code label="value"}. */
    public double sum(String name, String label, String value) {
        String pair = label + "=\"" + value + "\"";
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().contains(pair))
                .mapToDouble(Sample::value)
                .sum();
    }

    private static double value(String text) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(text);
        }
    }
}
