package io.beacon.workflows.model;

import io.beacon.platform.domain.FieldError;
import io.beacon.platform.domain.InvalidInputException;
import java.util.List;

/** A model that did not pass its checks (422): the detail says so in one line, the errors list each problem. */
public class ModelRefusedException extends InvalidInputException {
    private final String key;

    public ModelRefusedException(String key, List<FieldError> errors) {
        super(errors);
        this.key = key;
    }

    @Override
    public String getMessage() {
        int n = errors().size();
        return "the model was refused and nothing was deployed (" + key + " keeps its active version): " + n
                + (n == 1 ? " problem" : " problems") + " listed in errors";
    }
}
