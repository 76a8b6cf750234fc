/** What happens once when Beacon starts: the HTTPS keystore, migrations, the demo data set, and the {@link io.beacon.platform.startup.StartupEvent} the areas start their work on. */
package io.beacon.platform.startup;
