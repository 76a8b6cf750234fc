/** JPA storage of changes, approvals, change history and approver substitutes. */
package io.beacon.change.persistence;
