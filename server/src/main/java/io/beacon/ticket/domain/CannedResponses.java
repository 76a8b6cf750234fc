package io.beacon.ticket.domain;

import java.util.List;
import java.util.Optional;

/** The desk's canned responses. */
public interface CannedResponses {
    CannedResponse add(CannedResponse response);

    Optional<CannedResponse> byId(long id);

    Optional<CannedResponse> byName(String name);

    /** All of them, by name. */
    List<CannedResponse> all();

    void remove(CannedResponse response);
}
