/** MicroProfile Health checks: ready once started and the database answers; live while the JVM works. */
package io.beacon.platform.health;
