/** Mail: intake of mails into tickets and notifications out; the area's settings sit here. */
package io.beacon.mail;
