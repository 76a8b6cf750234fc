/** JPA storage of notifications. */
package io.beacon.notification.persistence;
