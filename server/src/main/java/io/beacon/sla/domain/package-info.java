/** Service levels as plain rules: the business calendar (working hours, Korean holidays) and SLA targets. */
package io.beacon.sla.domain;
