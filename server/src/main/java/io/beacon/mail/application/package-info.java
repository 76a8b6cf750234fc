/** The mail channel's use cases: turning received mail into tickets and comments, filling and draining the outbox, templates. */
package io.beacon.mail.application;
