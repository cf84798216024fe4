package io.minxin.metrics.stream;

/**
 * What stage one made of a record: the new version of its case (the number of its distinct events), or the
 * record rejected as it came.
 */
record Folded(Long version, byte[] rejected) {
    static Folded of(long version) {
        return new Folded(version, null);
    }

    static Folded rejected(byte[] value) {
        return new Folded(null, value == null ? new byte[0] : value);
    }
}
