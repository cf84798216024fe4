package io.minxin.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The Prometheus and Grafana files of {@code deploy/}, read as data. */
public final class DeployFiles {
    private final Path deploy;

    public DeployFiles(Path repositoryRoot) {
        this.deploy = repositoryRoot.resolve("deploy");
    }

    public Path prometheusConfig() {
        return deploy.resolve("prometheus/prometheus.yml");
    }

    public Path rules() {
        return deploy.resolve("prometheus/rules.yml");
    }

    public List<Path> dashboards() {
        try (Stream<Path> files = Files.list(deploy.resolve("grafana/dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code expr} of the rule files, by alert or record name. */
    @SuppressWarnings("unchecked")
    public Map<String, String> ruleExpressions() {
        Map<String, Object> rules = yaml(rules());
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                expressions.put(String.valueOf(name), String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    /** The rule group names of the rule file, with how many rules each has. */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> ruleGroups() {
        Map<String, Object> rules = yaml(rules());
        Map<String, Integer> groups = new TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            groups.put((String) group.get("name"), ((List<?>) group.get("rules")).size());
        }
        return groups;
    }

    /**
     * Every PromQL of the dashboards: panel targets' {@code expr} and templating variables' {@code query} (a
     * string, or an object with a {@code query} field), as "file: expression".
     */
    public Map<String, String> dashboardExpressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Path dashboard : dashboards()) {
            JsonNode root;
            try {
                root = Json.read(Files.readAllBytes(dashboard));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> found = new ArrayList<>();
            collect(root, found);
            for (int i = 0; i < found.size(); i++) {
                expressions.put(dashboard.getFileName() + "#" + i, found.get(i));
            }
        }
        return expressions;
    }

    /** The metric names every dashboard and rule reads, each with where it is used. */
    public Map<String, Set<String>> metricNames() {
        Map<String, Set<String>> names = new TreeMap<>();
        ruleExpressions()
                .forEach((rule, expression) -> PromQlNames.of(expression)
                        .forEach(name -> names.computeIfAbsent(name, n -> new TreeSet<>())
                                .add("rules.yml " + rule)));
        dashboardExpressions()
                .forEach((where, expression) -> PromQlNames.of(expression)
                        .forEach(name -> names.computeIfAbsent(name, n -> new TreeSet<>())
                                .add(where)));
        return names;
    }

    /**
     * Writes a copy of {@code prometheus.yml} and {@code rules.yml} into {@code dir} in which each target is the
     * locally running service of its {@code service} label, scraped every 2 s; job names, labels, metrics path
     * and rule files stay as they are.
     */
    @SuppressWarnings("unchecked")
    public Path writeLocalPrometheusConfig(Path dir, Map<String, Integer> portsByService) {
        Map<String, Object> config = yaml(prometheusConfig());
        Map<String, Object> global =
                (Map<String, Object>) config.computeIfAbsent("global", key -> new LinkedHashMap<>());
        global.put("scrape_interval", "2s");
        global.put("evaluation_interval", "2s");
        Set<String> unknown = new TreeSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            for (Map<String, Object> targets : (List<Map<String, Object>>) job.get("static_configs")) {
                Map<String, Object> labels = (Map<String, Object>) targets.get("labels");
                String service = labels == null ? null : (String) labels.get("service");
                Integer port = service == null ? null : portsByService.get(service);
                if (port == null) {
                    unknown.add(String.valueOf(targets));
                    continue;
                }
                targets.put("targets", List.of("127.0.0.1:" + port));
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("prometheus.yml has targets of no known service: " + unknown);
        }
        try {
            Files.createDirectories(dir);
            Files.copy(rules(), dir.resolve(rules().getFileName()));
            Path file = dir.resolve("prometheus.yml");
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Files.writeString(file, new Yaml(options).dump(config), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                if (field.getKey().equals("expr") && value.isString()) {
                    found.add(value.asString());
                } else if (field.getKey().equals("query") && value.isString() && isVariableQuery(value.asString())) {
                    found.add(value.asString());
                } else {
                    collect(value, found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        }
    }

    /** A custom variable's query is a comma list ("PHONE,WEB"), not PromQL. */
    private static boolean isVariableQuery(String query) {
        return query.contains("(");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) {
        try {
            return (Map<String, Object>) new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
