/** What happens once when Beacon starts: migrations, the first admin, the demo data set. */
package io.beacon.platform.startup;
