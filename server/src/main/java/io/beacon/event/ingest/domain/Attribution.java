package io.beacon.event.ingest.domain;

import io.beacon.event.domain.CiClue;
import io.beacon.event.domain.NormalisedEvent;
import java.util.List;
import java.util.Optional;

/**
 * Finds the CI of a normalised event from its clues, in their order, and completes its reduction
 * key and message: {@code linkDown:ci7:3} when CI 7 claims the device, {@code linkDown:10.0.0.9:3}
 * when nothing does.
 */
public final class Attribution {
    private Attribution() {}

    public static NormalisedEvent attribute(NormalisedEvent event, CiLocator cis) {
        if (event.clues().isEmpty() && event.ciId() != null) {
            return event; // attributed already
        }
        Optional<CiMatch> ci = cis.resolve(clues(event.clues()));
        return event.attributed(ci.map(CiMatch::ciId).orElse(null), ci.map(CiMatch::ciName).orElse(null),
                ci.map(CiMatch::resolvedBy).orElse(null));
    }

    private static CiLocator.Clue[] clues(List<CiClue> clues) {
        return clues.stream().map(c -> new CiLocator.Clue(c.name(), c.value(), c.ip())).toArray(CiLocator.Clue[]::new);
    }
}
