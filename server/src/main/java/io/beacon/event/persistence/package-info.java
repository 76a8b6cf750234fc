/** JPA repositories of alarms and events, and the CMDB snapshot that feeds the CI index. */
package io.beacon.event.persistence;
