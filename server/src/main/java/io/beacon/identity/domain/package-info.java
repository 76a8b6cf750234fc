/** Who uses Beacon: users, their roles and groups, and how their passwords are kept. */
package io.beacon.identity.domain;
