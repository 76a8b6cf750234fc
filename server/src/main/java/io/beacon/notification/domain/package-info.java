/** What a person is told about in the console's notification list (an @mention in a note), read or not. */
package io.beacon.notification.domain;
