/** Database plumbing shared by every area: the data source, the schema migrations, the clock. */
package io.beacon.platform.persistence;
