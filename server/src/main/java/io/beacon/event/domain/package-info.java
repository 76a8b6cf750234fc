/** What every stage of the event path shares: the normalised event itself, its severity, source and kind. */
package io.beacon.event.domain;
