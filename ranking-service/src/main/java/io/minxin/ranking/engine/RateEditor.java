package io.minxin.ranking.engine;

import java.beans.PropertyEditorSupport;

/**
 * Reads a {@link Rate} from configuration text (the keys of {@code weights} and the items of {@code rates} of the
 * default policies): Spring's binder finds an editor named after the type beside it. Same names as the API.
 */
public class RateEditor extends PropertyEditorSupport {
    @Override
    public void setAsText(String text) {
        setValue(Rate.fromJson(text));
    }
}
