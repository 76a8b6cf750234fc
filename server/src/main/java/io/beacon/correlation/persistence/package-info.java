/** JPA storage of the correlation area: maintenance windows. */
package io.beacon.correlation.persistence;
