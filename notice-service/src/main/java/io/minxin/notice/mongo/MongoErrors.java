package io.minxin.notice.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

public final class MongoErrors {
    /** The write collided with an existing {@code _id} (or unique key). */
    public static boolean isDuplicateKey(Throwable error) {
        return error instanceof MongoWriteException
                && ((MongoWriteException) error).getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private MongoErrors() {}
}
