/** Building blocks every bounded area's domain shares: rule violations, field errors and result pages. */
package io.beacon.platform.domain;
