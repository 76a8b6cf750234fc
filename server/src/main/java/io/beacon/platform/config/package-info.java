/** Beacon's settings: one typed view over MicroProfile Config ({@code BEACON_*} environment variables). */
package io.beacon.platform.config;
