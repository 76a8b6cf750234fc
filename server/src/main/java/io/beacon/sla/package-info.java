/** Service levels: targets, clocks and business calendars; the area's settings sit here. */
package io.beacon.sla;
