/** The mail channel's rules as plain Java: inbound mail values, threading, loop and noise screening, the outbox and its templates. */
package io.beacon.mail.domain;
