/** JPA implementations of the identity repositories. */
package io.beacon.identity.persistence;
