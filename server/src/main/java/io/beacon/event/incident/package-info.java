/** Stage three of the event path: correlation's decisions about alarms carried out on incidents. */
package io.beacon.event.incident;
