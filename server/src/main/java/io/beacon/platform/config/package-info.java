/** Settings that belong to no area: the data directory, the admin bootstrap, request limits (each area reads its own settings beside its code). */
package io.beacon.platform.config;
