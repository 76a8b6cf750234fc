/** What ingest reads from the database. */
package io.beacon.event.ingest.persistence;
