package io.minxin.bench;

/** Sizes of a benchmark run; the defaults are what bench/README.md reports. */
record BenchSettings(
        int intakeEvents,
        int singleSeconds,
        int replayEvents,
        int rankingUnits,
        int gatewaySeconds,
        int freshnessSeconds) {
    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.intake.events", 300_000),
                Integer.getInteger("bench.single.seconds", 20),
                Integer.getInteger("bench.replay.events", 1_000_000),
                Integer.getInteger("bench.ranking.units", 10_000),
                Integer.getInteger("bench.gateway.seconds", 10),
                Integer.getInteger("bench.freshness.seconds", 60));
    }
}
