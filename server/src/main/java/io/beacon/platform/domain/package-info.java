/** Building blocks every bounded area's domain shares: rule violations, field errors, result pages and audit lines. */
package io.beacon.platform.domain;
