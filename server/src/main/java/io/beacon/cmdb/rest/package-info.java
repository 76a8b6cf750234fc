/** REST resources for configuration items, their relations, dependency walks and bulk import. */
package io.beacon.cmdb.rest;
