/** The CMDB's model: configuration items, their typed relations, the rules they obey and the topology walk. */
package io.beacon.cmdb.domain;
