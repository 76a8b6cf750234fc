/** Time buckets in a user's time zone and the figures reports add up in them, as plain Java. */
package io.beacon.report.domain;
