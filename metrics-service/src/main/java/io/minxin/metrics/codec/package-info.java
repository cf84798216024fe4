/**
 * The bytes on metrics-service's hot path, apart from the topology that moves them: the fast reader of a
 * case-events value ({@link io.minxin.metrics.codec.CaseEventReader}) and the compact binary encoding of the
 * values only this service reads (the case histories of {@link io.minxin.metrics.codec.CaseHistoryCodec}, the
 * store and repartition values of {@link io.minxin.metrics.codec.BinarySerdes}). Nothing here knows the
 * topology; the published topics stay JSON ({@code stream.JsonSerdes}).
 */
package io.minxin.metrics.codec;
