package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.CiInput;
import io.beacon.platform.domain.BidiControls;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A merge-patch of a CI: a field is changed only when it is {@code present}; a present field that
 * is null is cleared. {@code attributes} merge key by key: a null value removes that key, and
 * {@code replaceAttributes} first removes every key that the change does not name.
 */
public record CiChanges(Set<String> present, String name, String type, String hostname,
        List<String> ipAddresses, String ownerGroup, String description, Map<String, String> attributes,
        boolean replaceAttributes) {

    public CiChanges {
        name = BidiControls.strip(name); // the import matches rows to CIs by this name
    }

    public boolean has(String field) {
        return present.contains(field);
    }

    /** {@code current} with these changes laid over it (not yet validated). */
    public CiInput applyTo(CiInput current) {
        Map<String, String> attrs = new HashMap<>();
        if (!replaceAttributes && current.attributes() != null) {
            attrs.putAll(current.attributes());
        }
        if (attributes != null) {
            attributes.forEach((k, v) -> {
                String key = k == null ? "" : k.trim();
                if (v == null) {
                    attrs.remove(key);
                } else {
                    attrs.put(key, v);
                }
            });
        }
        return new CiInput(
                has("name") ? name : current.name(),
                has("type") ? type : current.type(),
                has("hostname") ? hostname : current.hostname(),
                has("ipAddresses") ? ipAddresses : current.ipAddresses(),
                has("ownerGroup") ? ownerGroup : current.ownerGroup(),
                has("description") ? description : current.description(),
                attrs);
    }
}
