/** CMDB use cases in transactions: create, change and relate CIs, walk dependencies, bulk import, and the in-memory CMDB view kept from each commit. */
package io.beacon.cmdb.application;
