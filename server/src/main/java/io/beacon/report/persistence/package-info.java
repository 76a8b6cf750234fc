/** Read-only SQL that aggregates tickets and monitoring events per time cell inside the database. */
package io.beacon.report.persistence;
