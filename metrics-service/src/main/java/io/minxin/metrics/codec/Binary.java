package io.minxin.metrics.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A compact binary encoding for the values only this service reads (its stores and its repartition
 * topic): variable-length integers, length-prefixed UTF-8 strings, nullable values. Far cheaper than JSON
 * on the path every event takes; the public topics stay JSON.
 */
final class Binary {

    /** Appends to a growing array. */
    static final class Writer {
        private byte[] buffer;
        private int size;

        Writer(int capacity) {
            buffer = new byte[Math.max(16, capacity)];
        }

        Writer writeByte(int value) {
            ensure(1);
            buffer[size++] = (byte) value;
            return this;
        }

        Writer writeBoolean(boolean value) {
            return writeByte(value ? 1 : 0);
        }

        /** Unsigned variable-length int (7 bits a byte). */
        Writer writeVarInt(int value) {
            ensure(5);
            while ((value & ~0x7F) != 0) {
                buffer[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            buffer[size++] = (byte) value;
            return this;
        }

        /** Signed variable-length long (zig-zag), so small negative numbers stay short too. */
        Writer writeVarLong(long value) {
            ensure(10);
            long zigzag = (value << 1) ^ (value >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                buffer[size++] = (byte) ((zigzag & 0x7F) | 0x80);
                zigzag >>>= 7;
            }
            buffer[size++] = (byte) zigzag;
            return this;
        }

        /** A string or null: its UTF-8 length plus one (0 for null), then the bytes. */
        Writer writeString(String value) {
            if (value == null) {
                return writeVarInt(0);
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeVarInt(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buffer, size, utf8.length);
            size += utf8.length;
            return this;
        }

        /** An instant or null: a presence byte, then epoch seconds and nanoseconds. */
        Writer writeInstant(Instant value) {
            if (value == null) {
                return writeByte(0);
            }
            writeByte(1);
            writeVarLong(value.getEpochSecond());
            return writeVarInt(value.getNano());
        }

        /**
         * A constant or null: its position in {@code codes} plus one (0 for null). The codes are listed
         * by the caller, append-only, so stored values do not depend on the declaration order of the enum.
         */
        <E> Writer writeCode(E value, E[] codes) {
            if (value == null) {
                return writeVarInt(0);
            }
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] == value) {
                    return writeVarInt(i + 1);
                }
            }
            throw new SerializationException("no code for " + value);
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }
    }

    /** Reads what a {@link Writer} wrote; anything truncated or malformed is a {@link SerializationException}. */
    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.position = offset;
        }

        int readByte() {
            if (position >= bytes.length) {
                throw new SerializationException("truncated value at byte " + position);
            }
            return bytes[position++] & 0xFF;
        }

        boolean readBoolean() {
            return readByte() != 0;
        }

        int readVarInt() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = readByte();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new SerializationException("malformed varint at byte " + position);
        }

        long readVarLong() {
            long zigzag = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                int b = readByte();
                zigzag |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (zigzag >>> 1) ^ -(zigzag & 1);
                }
            }
            throw new SerializationException("malformed varlong at byte " + position);
        }

        String readString() {
            int length = readVarInt() - 1;
            if (length < 0) {
                return null;
            }
            if (length > bytes.length - position) {
                throw new SerializationException("string of " + length + " bytes overruns the value");
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        Instant readInstant() {
            if (readByte() == 0) {
                return null;
            }
            long seconds = readVarLong();
            return Instant.ofEpochSecond(seconds, readVarInt());
        }

        <E> E readCode(E[] codes) {
            int index = readVarInt() - 1;
            if (index < 0) {
                return null;
            }
            if (index >= codes.length) {
                throw new SerializationException("unknown code " + (index + 1));
            }
            return codes[index];
        }

        boolean atEnd() {
            return position == bytes.length;
        }

        int position() {
            return position;
        }

        /** Moves to {@code target}, which must lie within the value. */
        void seek(int target) {
            if (target < position || target > bytes.length) {
                throw new SerializationException("position " + target + " outside the value");
            }
            position = target;
        }

        /** Reads a string and tells whether its UTF-8 bytes are {@code utf8} (null for a null string), decoding nothing. */
        boolean stringEquals(byte[] utf8) {
            int length = readVarInt() - 1;
            if (length < 0) {
                return utf8 == null;
            }
            if (length > bytes.length - position) {
                throw new SerializationException("string of " + length + " bytes overruns the value");
            }
            boolean equal = utf8 != null && Arrays.equals(bytes, position, position + length, utf8, 0, utf8.length);
            position += length;
            return equal;
        }
    }

    private Binary() {}
}
