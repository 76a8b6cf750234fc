/** REST resources of the reports ({@code /api/reports}) for the desk's dashboard. */
package io.beacon.report.rest;
