/** The CMDB's model: configuration items, their typed relations, the rules they obey, the topology walk and the in-memory index the event path reads. */
package io.beacon.cmdb.domain;
