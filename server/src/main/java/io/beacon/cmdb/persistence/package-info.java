/** JPA implementations of the CMDB repositories, with batched queries for imports and topology walks. */
package io.beacon.cmdb.persistence;
