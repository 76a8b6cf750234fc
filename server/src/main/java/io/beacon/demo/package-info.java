/** The demo data set that the README's run command loads: users in every role, a small topology, tickets. */
package io.beacon.demo;
