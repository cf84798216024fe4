package io.minxin.bench;

import java.util.Arrays;

/** Exact latency percentiles from every recorded sample (a benchmark run holds at most a few million). */
final class Latencies {
    private long[] nanos = new long[1 << 16];
    private int size;

    synchronized void record(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            record(other.nanos[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The q-quantile in milliseconds (nearest rank). */
    synchronized double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1_000_000.0;
    }
}
