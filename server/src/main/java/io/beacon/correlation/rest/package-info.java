/** REST API of correlation: {@code /api/maintenance-windows}. */
package io.beacon.correlation.rest;
