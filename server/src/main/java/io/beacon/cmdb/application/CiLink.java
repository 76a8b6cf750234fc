package io.beacon.cmdb.application;

import io.beacon.cmdb.domain.CiRef;
import io.beacon.cmdb.domain.RelationType;

/** A relation as one of its ends sees it: outgoing ("this type other") or incoming ("other type this"). */
public record CiLink(long relationId, RelationType type, Direction direction, CiRef other) {
    public enum Direction {
        OUTGOING, INCOMING;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
