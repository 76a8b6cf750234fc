/** What happens once when Beacon starts: the HTTPS keystore, migrations, the first admin, the demo data set. */
package io.beacon.platform.startup;
