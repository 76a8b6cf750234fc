/** Use cases of reporting: the dashboard's figures over time, read from the database without changing it. */
package io.beacon.report.application;
