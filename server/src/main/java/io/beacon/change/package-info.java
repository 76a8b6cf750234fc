/** Change management: requests, approvals, windows and conflicts; the area's settings sit here. */
package io.beacon.change;
