/** CMDB use cases in transactions: create, change and relate CIs, walk dependencies, bulk import. */
package io.beacon.cmdb.application;
