/** What a process instance looks like to people, as plain values: its diagram and how far it has come. */
package io.beacon.process.domain;
