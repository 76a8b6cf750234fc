/** Use cases of correlation: maintenance windows, and the in-memory indexes that decisions read. */
package io.beacon.correlation.application;
